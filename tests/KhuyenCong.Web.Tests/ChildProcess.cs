using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The tests' one launcher of child processes (the built app, redis-server, aiosmtpd, nginx, PostgreSQL's tools):
/// starts a program with its output drained into a tail kept for failure messages (an undrained pipe blocks the
/// child), waits for a port, an HTTP answer or the exit, and kills the whole tree. The browser tests link this file.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly Queue<string> tail = new();
    private readonly int keepLines;

    private ChildProcess(ProcessStartInfo start, int keepLines)
    {
        this.keepLines = keepLines;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The dotnet host running these tests (dotnet test sets DOTNET_HOST_PATH), for <c>dotnet App.dll</c>.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The last lines the process printed (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (tail)
            {
                return string.Join('\n', tail);
            }
        }
    }

    public bool Running => !process.HasExited;

    public int ExitCode => process.ExitCode;

    public StreamWriter StandardInput => process.StandardInput;

    public static ChildProcess Start(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, int keepLines = 300, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new ChildProcess(start, keepLines);
    }

    /// <summary>Runs a program to its end (killed after the timeout); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, TimeSpan? timeout = null, string? stdin = null)
    {
        using var child = Start(program, args, environment, workingDirectory, keepLines: 10_000, redirectInput: stdin is not null);
        if (stdin is not null)
        {
            await child.StandardInput.WriteLineAsync(stdin);
            child.StandardInput.Close();
        }

        await child.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(300), program);
        return (child.ExitCode, child.Output);
    }

    /// <summary>Runs a program to its end and fails the test unless it exits with 0.</summary>
    public static string Run(string program, params string[] args)
    {
        using var child = Start(program, args, keepLines: 10_000);
        if (!child.process.WaitForExit(TimeSpan.FromSeconds(300)))
        {
            child.Kill();
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not end:\n{child.Output}");
        }

        child.process.WaitForExit(); // the output events are all delivered
        return child.ExitCode == 0 ? child.Output
            : throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {child.ExitCode}:\n{child.Output}");
    }

    public async Task WaitForExitAsync(TimeSpan timeout, string what)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{what} did not end within {timeout.TotalSeconds:0} s:\n{Output}");
        }

        process.WaitForExit(); // the output events are all delivered
    }

    /// <summary>Waits until something listens on the loopback port; fails with the output if the process ends first.</summary>
    public void WaitForPort(int port, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {process.ExitCode} before listening on port {port}:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"{what} did not listen on port {port} within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>Waits until the URL answers 200; fails with the output if the process ends first.</summary>
    public async Task WaitForOkAsync(Uri url, TimeSpan timeout, string what)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {process.ExitCode} before answering {url}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what} did not answer {url} within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>SIGKILL to the whole tree, as a crash or an OOM kill would end it; waits for the end.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    /// <summary>A free TCP port on 127.0.0.1 (free now; the caller binds it soon after).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            tail.Enqueue(line);
            while (tail.Count > keepLines)
            {
                tail.Dequeue();
            }
        }
    }
}

/// <summary>
/// A server of the test's own (redis-server, aiosmtpd) on a free loopback port with its own temp folder, which the
/// test may kill (an outage) and start again on the same port.
/// </summary>
public abstract class LocalServer : IDisposable
{
    private ChildProcess? process;

    protected LocalServer(string name)
    {
        Name = name;
        Folder = Path.Combine(Path.GetTempPath(), "kc-tests", name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Port = ChildProcess.FreePort();
    }

    public string Name { get; }
    public string Folder { get; }
    public int Port { get; }
    public bool Running => process is { Running: true };

    protected abstract string Program { get; }

    protected abstract IEnumerable<string> Arguments { get; }

    public void Start()
    {
        process = ChildProcess.Start(Program, Arguments);
        process.WaitForPort(Port, TimeSpan.FromSeconds(15), Name);
    }

    /// <summary>Kills the server (as a crash would); the port stays free for <see cref="Start"/>.</summary>
    public void Stop()
    {
        process?.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        GC.SuppressFinalize(this);
    }
}
