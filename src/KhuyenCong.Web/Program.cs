// The composition root: every service, option and middleware of the site in the order they apply, kept in one
// file on purpose (about 300 lines) so the request path can be read top to bottom.
using System.Globalization;
using KhuyenCong.Web;
using KhuyenCong.Web.Data;
using KhuyenCong.Web.Endpoints;
using KhuyenCong.Web.Endpoints.Api;
using KhuyenCong.Web.Options;
using KhuyenCong.Web.Services;
using KhuyenCong.Web.Services.Mail;
using KhuyenCong.Web.Services.Registrations;
using System.Threading.RateLimiting;
using KhuyenCong.Web.Models;
using KhuyenCong.Web.Pages.Admin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

// The container health check asks the running server, without building a second app.
if (args is ["healthcheck", ..])
{
    return await HealthProbe.RunAsync();
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json sits beside the app; when started from elsewhere (e.g. the repository root) look there.
    ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) || args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        ? null : AppContext.BaseDirectory,
    // wwwroot/ sits at the repository root (or beside the published app), never inside the project.
    WebRootPath = AppPaths.WebRoot,
});

// No "Server" header; request size limits (the largest legitimate request is a form post).
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 1 * 1024 * 1024;
    k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
    k.Limits.MaxRequestLineSize = 8 * 1024;
});

// Options, one class per concern, validated at start.
builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
// The public base URL (required outside Development; it also sets AllowedHosts) and the known reverse proxies.
builder.AddDeploymentSettings();
builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section)
    .PostConfigure(o =>
    {
        o.Path = Path.GetFullPath(Path.Combine(AppPaths.Root, o.Path));
        o.MediaPath = string.IsNullOrWhiteSpace(o.MediaPath) ? null : Path.GetFullPath(Path.Combine(AppPaths.Root, o.MediaPath));
    });

// Data: one AppDbContext on SQLite in the data folder (default) or on PostgreSQL (Database:Provider), and the
// provider's search index.
builder.Services.AddSiteDatabase();

// Content services: Markdown, search, the single write path, the importer.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<ContentPublisher>();
builder.Services.AddScoped<RevisionRestore>();
builder.Services.AddSingleton<ProductCatalog>();
builder.Services.AddSingleton<ArticleLists>();
builder.Services.AddScoped<ContentImporter>();
builder.Services.AddScoped<ProgramProgress>();
builder.Services.AddSingleton<ProgramSourceCache>();
builder.Services.AddScoped<ProgramPeriods>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<SiteUrls>();

// Editors: Identity accounts in the same context, strict cookie, lockout, no self-registration.
builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddDefaultTokenProviders()
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddErrorDescriber<VietnameseIdentityErrors>();
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = PublicCache.AuthCookie;
    o.Cookie.HttpOnly = true;
    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
    o.SlidingExpiration = true;
    o.LoginPath = "/dang-nhap";
    o.LogoutPath = "/dang-xuat";
    o.AccessDeniedPath = "/loi/403";
    o.Events.OnValidatePrincipal = AbsoluteSessionLimit.ValidateAsync;
    o.Events.OnSigningIn = AbsoluteSessionLimit.StampSignInAsync;
});
// The antiforgery cookie follows the request's scheme: "Always" would make every form fail over plain http
// (local runs); the sign-in cookie above is Secure-only, so the editor area itself needs https or localhost.
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "kc-af";
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.Cookie.SameSite = SameSiteMode.Strict;
});
builder.Services.AddDataProtection().SetApplicationName("KhuyenCong.Web").PersistKeysToDbContext<AppDbContext>();
// The key ring lives in the database, which is itself the protected asset (accounts, content): encrypting the
// keys with a certificate kept beside it would add nothing, so the "No XML encryptor configured" warning on
// every new key is expected and silenced; real failures of the key manager are errors and still show.
builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Admin, Roles.Publisher, Roles.Editor))
    .AddPolicy(Policies.Publishers, p => p.RequireRole(Roles.Admin, Roles.Publisher))
    .AddPolicy(Policies.Admins, p => p.RequireRole(Roles.Admin));
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Sign-in attempts (POSTs) per client IP; lockout and the per-name throttle do the rest.
    o.AddPolicy(Policies.LoginRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
        : RateLimitPartition.GetNoLimiter("get"));
    // Registration starts and submissions, and status lookups (POSTs), per client IP; limits from settings.
    o.AddPolicy(RegistrationOptions.SubmitRateLimit, ctx => RegistrationLimits.Partition(ctx, lookup: false));
    o.AddPolicy(RegistrationOptions.LookupRateLimit, ctx => RegistrationLimits.Partition(ctx, lookup: true));
    o.AddPolicy(PageFeedbacks.RateLimit, ctx => RegistrationLimits.Partition(ctx, lookup: true));
    o.AddPolicy(MailOptions.SubscribeRateLimit, MailSubscriptions.Partition);
});
builder.Services.AddSingleton<LoginThrottle>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddSingleton<MediaProcessor>();
builder.Services.AddScoped<MediaUsage>();
builder.Services.AddSingleton<JobLeases>();
builder.Services.AddHostedService<Scheduler>();
builder.Services.AddSingleton<KhuyenCong.Web.Services.Questions.CommentWindows>();
builder.Services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<RegistrationStore>();
builder.Services.AddScoped<KhuyenCong.Web.Services.Questions.QuestionStore>();
builder.Services.AddSingleton<RegistrationRetention>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<RegistrationRetention>());
builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
// Mail: the outbox (written with the change that causes it), the SMTP sender on every node, the digests once per cluster.
builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<MailOutbox>();
builder.Services.AddScoped<MailSubscriptions>();
builder.Services.AddSingleton<MailSender>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<MailSender>());
builder.Services.AddSingleton<MailDigest>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<MailDigest>());

// Speed: output cache for anonymous GETs (evicted by tag on change), compression.
builder.Services.AddOutputCache(o =>
{
    // Every change (editor saves, scheduled publish and unpublish) evicts the tag, so the expiry only bounds memory.
    // Cache:Disabled=true turns caching off (the benchmark's honest "uncached" timings).
    var enabled = !builder.Configuration.GetValue<bool>(PublicCache.DisabledSetting);
    o.AddBasePolicy(p => p.Expire(TimeSpan.FromMinutes(10)).Tag(ContentPublisher.CacheTag)
        .With(ctx => enabled && !AdminArea.IsPrivatePath(ctx.HttpContext.Request.Path) && !RegistrationLimits.IsFormPath(ctx.HttpContext.Request.Path)
            && !MailSubscriptions.IsFormPath(ctx.HttpContext.Request.Path))
        .AddPolicy<PublicCache>());
    // Every cached page and endpoint names this policy: its key holds only the query parameters the page reads.
    o.AddPolicy(PublicCache.Policy, p => p.With(_ => enabled).AddPolicy<PublicCache>());
    o.SizeLimit = Math.Max(1, builder.Configuration.GetValue(PublicCache.MegabytesSetting, PublicCache.DefaultMegabytes)) * 1024 * 1024;
});
// Which answers to URLs with query values are worth storing (those asked for before).
builder.Services.AddSingleton<QueryAdmission>();
// Cache:Redis set: the pages of every node in one Redis (a Redis fault makes misses, never errors).
builder.Services.AddSharedOutputCache();
// A change written by another process or node reaches this node's cache through the change stamp.
builder.Services.AddSingleton<ContentChanges>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ContentChanges>());
// One line at shutdown saying where the memory went (the benchmark prints it).
builder.Services.AddHostedService<MemoryReport>();
// After a burst of work, once the app is quiet: the memory the burst left behind (heap, idle SQLite connections,
// free C allocator pages) goes back.
builder.Services.AddHostedService<IdleMemoryRelease>();
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.Providers.Add<BrotliCompressionProvider>();
    o.Providers.Add<GzipCompressionProvider>();
    o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "application/rss+xml"]);
});
builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

// Pages in Vietnamese, lower-case URLs; Vietnamese letters written as themselves, not as entities.
builder.Services.AddRazorPages(o =>
{
    // A POST to a page with no POST handler is a 405, never a page rendered without its data.
    o.Conventions.ConfigureFilter(new KhuyenCong.Web.Pages.MethodNotAllowedFilter());
    o.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
    o.Conventions.AuthorizeFolder("/Admin/Users", Policies.Admins);
    o.Conventions.AuthorizeFolder("/Admin/Audit", Policies.Admins);
    o.Conventions.AuthorizeFolder("/Admin/Mail", Policies.Admins);
    o.Conventions.AuthorizePage("/Admin/Program/Periods", Policies.Admins);
    o.Conventions.AuthorizePage("/Account/ChangePassword");
    o.Conventions.AddPageRoute("/Program/Index", "chuong-trinh/giai-doan/{period}");
    foreach (var type in KhuyenCong.Web.Services.Content.ContentTypes.All)
    {
        o.Conventions.AddPageRoute(type.EditPage, type.NewItemPath.TrimStart('/'));
    }

    o.Conventions.AddPageRoute("/Admin/Establishments/Edit", "quan-tri/co-so/them");
    o.Conventions.AddFolderApplicationModelConvention("/Admin", m => m.Filters.Add(new AdminArea.NoStoreFilter()));
    o.Conventions.AddFolderApplicationModelConvention("/Account", m => m.Filters.Add(new AdminArea.NoStoreFilter()));
    o.Conventions.AddFolderApplicationModelConvention("/Registration", m => m.Filters.Add(new AdminArea.NoStoreFilter()));
    o.Conventions.AddFolderApplicationModelConvention("/Subscriptions", m => m.Filters.Add(new AdminArea.NoStoreFilter()));
});
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.Configure<RouteOptions>(o => { o.LowercaseUrls = true; o.AppendTrailingSlash = false; });
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddOpenDataApi(builder.Configuration);

// On start, before the server takes requests: migrate, assert durability, import content/ into an empty database.
builder.Services.AddHostedService<DatabaseStartup>();

var app = builder.Build();

// Serving: a setting that fails validation stops here with its message on one line (no stack trace) and exit code 2.
if ((args.Length == 0 || args[0].StartsWith('-')) && StartupChecks.OptionsFailure(app.Services) is { } optionsProblem)
{
    await Console.Error.WriteLineAsync(optionsProblem);
    return StartupChecks.ExitCode;
}

// A PostgreSQL database that cannot be opened stops here with one line naming the setting (and is created if missing).
if (await SiteDatabase.OpenProblemAsync(app.Services) is { } databaseProblem)
{
    await Console.Error.WriteLineAsync(databaseProblem);
    return 1;
}

// Outside resources (Data:MediaPath, Cache:Redis): one line naming the setting and a non-zero exit when unusable.
if (await StartupChecks.FailureAsync(app.Services, args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null) is { } failure)
{
    await Console.Error.WriteLineAsync(failure);
    return StartupChecks.ExitCode;
}

// Command verbs (no verb = serve).
if (args.Length > 0 && !args[0].StartsWith('-'))
{
    return await Commands.RunAsync(app, args);
}

// Pipeline: errors, headers, static files, routing, cache, then what a rendered page needs (compression inside the
// cache, so a cached page is stored compressed; localization, authentication, the password gate).
app.UseKnownProxies();
if (!app.Environment.IsDevelopment())
{
    // A database that cannot be reached (a PostgreSQL restart) answers 503 with the Vietnamese page, not 500.
    app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/loi", StatusCodeSelector = SiteDatabase.ErrorStatus });
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/loi/{0}");
app.UseMiddleware<SecurityHeaders>();
app.UseMiddleware<ContentCoding>();
// Files under wwwroot/ (looked up only for their own folders), compressed per request as before.
var staticRoots = StaticCaching.Roots(app.Environment);
app.UseWhen(ctx => StaticCaching.IsStaticPath(ctx.Request.Path, staticRoots), files => files
    .UseResponseCompression()
    .UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticCaching.Apply }));
app.UseRouting();
// Before the cache: the API's per-IP limit counts cached answers too (a no-op for pages without a policy).
app.UseRateLimiter();
// Anonymous cached answers leave here; a request carrying the sign-in cookie is never answered from the cache.
app.UseOutputCache();
app.UseResponseCompression();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("vi-VN"),
    SupportedCultures = [new CultureInfo("vi-VN")],
    SupportedUICultures = [new CultureInfo("vi-VN")],
});
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<AdminArea.PasswordChangeGate>();

app.MapHealthChecks("/healthz").DisableHttpMetrics();
app.MapFeeds();
app.MapSeo();
app.MapDocumentFiles();
app.MapMediaFiles();
app.MapShowcaseFiles();
app.MapProgramData();
app.MapOpenDataApi();
app.MapRazorPages();

try
{
    await app.RunAsync();
}
catch (DatabaseUnavailableException e)
{
    // The database went away between the check above and the migrations: still one line, and exit code 1.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

return 0;

/// <summary>Entry point type, visible to the integration tests.</summary>
public partial class Program;
