using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Tests.Pages.Registration;
using Xunit.Abstractions;

namespace KhuyenCong.Web.Tests.ScaleOut;

/// <summary>
/// Two real app processes on one PostgreSQL and one Redis, with nginx in front: what one node does, the other
/// shows at once; sessions, forms and drafts cross nodes; scheduled work runs once; a node killed mid-traffic
/// loses no acknowledged registration. Runs in tests/run.sh (which starts the servers); skipped with the reason
/// under plain dotnet test.
/// </summary>
[Collection(nameof(ClusterGroup))]
[Trait("Provider", "OwnDatabase")]
public sealed class TwoNodeTests(Cluster cluster, ITestOutputHelper output)
{
    private static readonly HtmlParser Parser = new();
    private const Service Needs = Service.Postgres | Service.Redis | Service.Nginx;

    private static Uri At(AppNode node, string path) => new(node.BaseUrl, path);

    private static async Task<(HttpStatusCode Status, IHtmlDocument Page, HttpResponseMessage Response)> GetAsync(HttpClient client, Uri url)
    {
        var response = await client.GetAsync(url);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, page, response);
    }

    private async Task<HttpClient> SignInAsync(AppNode node)
    {
        var client = CookieJar.NewClient();
        using var response = await client.PostFormAsync(At(node, "/dang-nhap"),
            [new("Input.Email", cluster.AdminEmail), new("Input.Password", Cluster.AdminPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static List<KeyValuePair<string, string>> ArticleForm(string title, string action, string publishAt = "") =>
    [
        new("Input.Title", title), new("Input.Slug", ""), new("Input.Summary", "Tóm tắt."), new("Input.Body", "Nội dung bài viết."),
        new("Input.PublishAt", publishAt), new("Input.UnpublishAt", ""), new("Input.Note", ""), new("action", action),
    ];

    private static int IdFrom(HttpResponseMessage created) =>
        int.Parse(created.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);

    private void RequireCluster()
    {
        ExternalServices.Require(Needs);
        Assert.True(cluster.Available, "the cluster did not start");
    }

    [ServicesFact(Needs)]
    public async Task An_article_published_on_node_A_shows_at_once_on_node_B_whose_page_was_cached()
    {
        RequireCluster();
        var visitor = CookieJar.NewClient();
        var (_, before, first) = await GetAsync(visitor, At(cluster.B, "/tin-tuc"));
        first.Dispose();
        var (_, _, second) = await GetAsync(visitor, At(cluster.B, "/tin-tuc"));
        Assert.True(second.Headers.Age is not null, "node B answered /tin-tuc again without its cache (no Age header)");
        second.Dispose();

        var title = "Tin đăng trên máy A hiện ngay trên máy B " + Guid.NewGuid().ToString("N")[..6];
        Assert.DoesNotContain(title, before.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var editor = await SignInAsync(cluster.A);
        using (var created = await editor.PostFormAsync(At(cluster.A, "/quan-tri/tin-bai/them"), ArticleForm(title, "publish")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var (status, after, response) = await GetAsync(visitor, At(cluster.B, "/tin-tuc"));
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, throughProxy, proxied) = await GetAsync(visitor, new Uri(cluster.Proxy, "/tin-tuc"));
        proxied.Dispose();
        Assert.Contains(title, throughProxy.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [ServicesFact(Needs)]
    public async Task A_sign_in_and_a_form_token_made_on_node_A_work_on_node_B()
    {
        RequireCluster();
        var editor = await SignInAsync(cluster.A);
        var (status, _, response) = await GetAsync(editor, At(cluster.B, "/quan-tri"));
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);

        // The form comes from A, the POST goes to B: the antiforgery token and the cookie are both A's.
        var title = "Bài viết gửi từ biểu mẫu của máy A tới máy B " + Guid.NewGuid().ToString("N")[..6];
        using var created = await editor.PostFormAsync(At(cluster.A, "/quan-tri/tin-bai/them"), ArticleForm(title, "save"), At(cluster.B, "/quan-tri/tin-bai/them"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var (editStatus, edit, editResponse) = await GetAsync(editor, At(cluster.A, $"/quan-tri/tin-bai/{id}"));
        editResponse.Dispose();
        Assert.Equal(HttpStatusCode.OK, editStatus);
        Assert.Equal(title, edit.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
    }

    [ServicesFact(Needs)]
    public async Task A_registration_started_on_A_continues_and_is_submitted_on_B_and_shows_in_triage_on_A()
    {
        RequireCluster();
        var applicant = CookieJar.NewClient();
        var reference = await RegisterAsync(applicant, step => step % 2 == 0 ? cluster.A : cluster.B, _ => cluster.B);
        Assert.NotNull(reference);
        var editor = await SignInAsync(cluster.A);
        var (status, triage, response) = await GetAsync(editor, At(cluster.A, "/quan-tri/dang-ky?q=" + Uri.EscapeDataString(reference!)));
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(reference!, triage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [ServicesFact(Needs)]
    public async Task A_scheduled_article_is_published_exactly_once_with_both_nodes_running()
    {
        RequireCluster();
        var editor = await SignInAsync(cluster.A);
        // The form takes Vietnam time to the minute: the next minute is the earliest schedule.
        var due = DateTime.UtcNow.AddMinutes(1);
        var local = VietnamTime.ToLocal(due).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var title = "Tin theo lịch trên hai máy " + Guid.NewGuid().ToString("N")[..6];
        using var created = await editor.PostFormAsync(At(cluster.A, "/quan-tri/tin-bai/them"), ArticleForm(title, "publish", local));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var visitor = CookieJar.NewClient();
        var live = false;
        while (!live && clock.Elapsed < TimeSpan.FromSeconds(150))
        {
            await Task.Delay(1000);
            var (_, news, response) = await GetAsync(visitor, At(cluster.B, "/tin-tuc"));
            response.Dispose();
            live = news.QuerySelector("main")!.TextContent.Contains(title, StringComparison.Ordinal);
        }

        Assert.True(live, "the scheduled article did not go live within 150 s");
        // The list shows a scheduled article from its time on, which can come a few seconds before a scheduler's
        // tick (the form's time is to the minute): the publication is waited for, then both schedulers keep running
        // for more than one more tick each, and there is still one publication.
        Task<long> PublicationsAsync() => cluster.ScalarAsync<long>(
            "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" = 'scheduled-publish' AND \"EntityId\" = @id", ("id", id.ToString(CultureInfo.InvariantCulture)));
        while (await PublicationsAsync() == 0 && clock.Elapsed < TimeSpan.FromSeconds(150) + 2 * Scheduler.Interval)
        {
            await Task.Delay(1000);
        }

        await Task.Delay(Scheduler.Interval + TimeSpan.FromSeconds(5));
        var publications = await PublicationsAsync();
        var revisions = await cluster.ScalarAsync<long>(
            "SELECT count(*) FROM \"Revisions\" WHERE \"ContentType\" = 'Article' AND \"ContentId\" = @id AND \"Author\" = 'lịch đăng'", ("id", id));
        output.WriteLine($"scheduled article {id}: {publications} audit entry, {revisions} scheduler revision, live after {clock.Elapsed.TotalSeconds:0} s");
        Assert.Equal(1, publications);
        Assert.Equal(1, revisions);
    }

    [ServicesFact(Needs)]
    public async Task Node_A_killed_while_registrations_arrive_through_both_nodes_loses_and_duplicates_nothing()
    {
        RequireCluster();
        const int Workers = 6;
        const int PerWorker = 5;
        var acknowledged = new ConcurrentBag<(Guid Key, string Reference)>();
        // Each request that needed more than one attempt: what every failed attempt got, and which node answered.
        var retried = new ConcurrentQueue<(IReadOnlyList<string> Failed, string Answer)>();
        var done = 0;
        var killed = false;

        async Task Worker(int worker)
        {
            for (var i = 0; i < PerWorker; i++)
            {
                var client = CookieJar.NewClient();
                // Steps and the submit go to either node; after the kill, a failed request is retried on B, the
                // way a person presses the button again (the same idempotency key).
                var (key, reference) = await RegisterWithKeyAsync(client, step => (worker + step + i) % 2 == 0 ? cluster.A : cluster.B, (failed, answer) => retried.Enqueue((failed, answer)));
                acknowledged.Add((key, reference));
                Interlocked.Increment(ref done);
            }
        }

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => Worker(w))).ToList();
        while (Volatile.Read(ref done) < Workers * PerWorker / 3)
        {
            await Task.Delay(50);
        }

        cluster.A.Kill();
        killed = true;
        await Task.WhenAll(workers);
        Assert.True(killed);

        var keys = acknowledged.Select(a => a.Key).ToList();
        Assert.Equal(Workers * PerWorker, keys.Distinct().Count());
        var stored = 0L;
        foreach (var (key, reference) in acknowledged)
        {
            var rows = await cluster.ScalarAsync<long>("SELECT count(*) FROM \"Registrations\" WHERE \"IdempotencyKey\" = @key AND \"Reference\" = @reference",
                ("key", key), ("reference", reference));
            Assert.True(rows == 1, $"registration {reference} is stored {rows} times");
            stored += rows;
        }

        var duplicates = await cluster.ScalarAsync<long>("SELECT count(*) FROM (SELECT \"IdempotencyKey\" FROM \"Registrations\" GROUP BY \"IdempotencyKey\" HAVING count(*) > 1) d");
        // Printed even when every request got through in the end: a 5xx or refusal from the surviving node B would be
        // a defect of its own (a node must not fail because its peer died), hidden by the retry.
        var afterB = retried.Where(r => r.Failed.Any(f => f.StartsWith(cluster.B.Name + ":", StringComparison.Ordinal))).ToList();
        output.WriteLine($"node A killed after {Workers * PerWorker / 3} registrations: {acknowledged.Count} acknowledged, {stored} stored once each, {duplicates} duplicated keys, {retried.Count} requests needed another attempt, {afterB.Count} of them after a failed attempt on B");
        foreach (var (failed, answer) in afterB)
        {
            output.WriteLine($"  retried after B failed: {string.Join("; ", failed)}; then {answer}");
        }

        Assert.Equal(0, duplicates);

        // A restarts on its port and serves again: nothing else to repair.
        await cluster.RestartAAsync();
    }

    /// <summary>Walks the registration on the nodes chosen per step and submits; returns the reference shown.</summary>
    private async Task<string?> RegisterAsync(HttpClient client, Func<int, AppNode> stepNode, Func<int, AppNode> submitNode)
    {
        var (_, reference) = await RegisterWithKeyAsync(client, stepNode, (_, _) => { }, submitNode);
        return reference;
    }

    private async Task<(Guid Key, string Reference)> RegisterWithKeyAsync(HttpClient client, Func<int, AppNode> stepNode, Action<IReadOnlyList<string>, string> onRetried, Func<int, AppNode>? submitNode = null)
    {
        async Task<HttpResponseMessage> Send(Func<AppNode, Task<HttpResponseMessage>> request, AppNode node)
        {
            // The chosen node, then B up to three times a quarter second apart (a person pressing the button again
            // after an error page); what each attempt got is kept for the failure message.
            var seen = new List<string>();
            foreach (var target in new[] { node, cluster.B, cluster.B, cluster.B })
            {
                try
                {
                    var response = await request(target);
                    if ((int)response.StatusCode < 500)
                    {
                        if (seen.Count > 0)
                        {
                            onRetried(seen, $"{target.Name}: {(int)response.StatusCode}");
                        }

                        return response;
                    }

                    seen.Add($"{target.Name}: {(int)response.StatusCode}");
                    response.Dispose();
                }
                catch (HttpRequestException e)
                {
                    // The node is gone: try the other one.
                    seen.Add($"{target.Name}: {e.Message}");
                }

                if (seen.Count > 1)
                {
                    await Task.Delay(250);
                }
            }

            onRetried(seen, "gave up");
            throw new InvalidOperationException("both nodes failed: " + string.Join("; ", seen));
        }

        async Task<HttpResponseMessage> Post(AppNode node, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
            await Send(async target =>
            {
                var (status, page, form) = await GetAsync(client, At(target, "/dang-ky-ho-tro"));
                form.Dispose();
                if ((int)status >= 500)
                {
                    return new HttpResponseMessage(status);
                }

                var all = fields.ToList();
                all.Add(new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
                using var content = new FormUrlEncodedContent(all);
                return await client.PostAsync(At(target, path), content);
            }, node);

        using (var start = await Post(stepNode(0), "/dang-ky-ho-tro", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        }

        var answers = RegistrationClient.ValidAnswers();
        var index = 1;
        foreach (var step in RegistrationClient.Steps)
        {
            using var response = await Post(stepNode(index++), "/dang-ky-ho-tro/" + step, answers[step]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {step}: {(int)response.StatusCode}");
        }

        using var check = await Send(node => client.GetAsync(At(node, "/dang-ky-ho-tro/kiem-tra")), stepNode(index++));
        var checkPage = await Parser.ParseDocumentAsync(await check.Content.ReadAsStringAsync());
        var key = checkPage.QuerySelector("input[name=khoa]")!.GetAttribute("value")!;
        using (var submit = await Post(submitNode?.Invoke(index) ?? stepNode(index), "/dang-ky-ho-tro/kiem-tra", [new("khoa", key)]))
        {
            Assert.True(submit.StatusCode == HttpStatusCode.Redirect, $"submit: {(int)submit.StatusCode}");
        }

        using var done = await Send(node => client.GetAsync(At(node, "/dang-ky-ho-tro/da-gui")), stepNode(index + 1));
        var reference = (await Parser.ParseDocumentAsync(await done.Content.ReadAsStringAsync())).QuerySelector(".reference")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(reference), "no reference on the confirmation page");
        return (Guid.Parse(key), reference!);
    }
}

[CollectionDefinition(nameof(ClusterGroup))]
public sealed class ClusterGroup : ICollectionFixture<Cluster>;
