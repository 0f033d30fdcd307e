using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using ExchangeGateway.Host;

namespace ExchangeGateway.Cli.Tests.Commands;

/// <summary>
/// <c>exgw gateway</c> as a process of its own, on a demo federation's files: it restarts itself once with glibc's
/// malloc arenas capped, same process id and arguments, unless its environment sets a cap.
/// </summary>
public sealed class GatewayCommandTests(GatewayCommandTests.Files files) : IClassFixture<GatewayCommandTests.Files>
{
    private static readonly int Arenas = Math.Max(2, Environment.ProcessorCount);

    [Fact]
    public async Task WithoutACap_RestartsOnceWithTheVariable_ThenServes()
    {
        var run = await RunUntilListeningAsync(null);

        if (OperatingSystem.IsLinux() && MallocArenas.IsGlibc())
        {
            var restarting = $"police-gw: restarting with MALLOC_ARENA_MAX={Arenas} (";
            Assert.Single(run.Lines, line => line.StartsWith(restarting, StringComparison.Ordinal));
            Assert.Contains($"MALLOC_ARENA_MAX={Arenas}", run.Environment);
            Assert.Equal(["gateway", "--config", files.Config], run.Arguments[^3..]);
            Assert.Equal(run.Started, run.Name);
            Assert.True(run.Diagnostics, "dotnet-counters and dotnet-trace could not reach the restarted runtime");
        }
        else
        {
            Assert.DoesNotContain(run.Lines, line => line.Contains("restarting", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(run.Lines, line => line.Contains("could not restart", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, line => line.Contains("malloc arenas capped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithACapInTheEnvironment_StartsOnceAsItIs()
    {
        var run = await RunUntilListeningAsync("3");

        Assert.DoesNotContain(run.Lines, line => line.Contains("malloc arena", StringComparison.Ordinal));
        if (OperatingSystem.IsLinux())
        {
            Assert.Contains("MALLOC_ARENA_MAX=3", run.Environment);
            Assert.True(run.Diagnostics);
        }
    }

    [Fact]
    public async Task AStopAskedForWhileStarting_IsHonouredOnceStarted_InOrder()
    {
        // The first line comes from the starting gateway (its federation configuration loaded): SIGTERM then.
        var run = await RunUntilListeningAsync("3", "");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Stopping (a second Ctrl+C or SIGTERM stops at once).", run.Lines);
        Assert.Equal("police-gw: stopped", run.Lines[^1]);
    }

    [Theory]
    [InlineData("abc", "2", false)]
    [InlineData("", "0", true)]
    public async Task WithTheVariableTwice_RestartsOnlyWhenGlibcTakesNeither(string first, string second, bool restarts)
    {
        if (!OperatingSystem.IsLinux() || !MallocArenas.IsGlibc())
        {
            return;
        }

        // Neither Process nor a shell passes a variable twice: the gateway is spawned with the environment as given.
        var output = Path.Combine(Path.GetTempPath(), $"exgw-twice-{Guid.NewGuid():N}.txt");
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(entry => $"{entry.Key}={entry.Value}")
            .Where(entry => !entry.StartsWith("MALLOC_ARENA_MAX=", StringComparison.Ordinal)
                && !entry.StartsWith("GLIBC_TUNABLES=", StringComparison.Ordinal))
            .Append($"MALLOC_ARENA_MAX={first}").Append($"MALLOC_ARENA_MAX={second}");
        var pid = Spawn(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["exec", Path.Combine(AppContext.BaseDirectory, "exgw.dll"), "gateway", "--config", files.Config],
            [.. environment], output);
        string printed;
        string[] variables;
        int exitCode;
        try
        {
            printed = await PrintedAsync(output, "police-gw: client https://");
            variables = [.. Strings($"/proc/{pid}/environ")
                .Where(e => e.StartsWith("MALLOC_ARENA_MAX=", StringComparison.Ordinal))];
        }
        finally
        {
            exitCode = await StopSpawnedAsync(pid);
            File.Delete(output);
        }

        Assert.Equal(restarts, printed.Contains("police-gw: restarting with", StringComparison.Ordinal));
        Assert.Equal(restarts ? [$"MALLOC_ARENA_MAX={Arenas}"]
            : [$"MALLOC_ARENA_MAX={first}", $"MALLOC_ARENA_MAX={second}"], variables);
        Assert.Equal(0, exitCode);
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{pid}-*-socket"));
    }

    /// <summary>The text of <paramref name="file"/> once it holds <paramref name="line"/>, within a minute.</summary>
    private static async Task<string> PrintedAsync(string file, string line)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            var text = File.Exists(file) ? await File.ReadAllTextAsync(file) : "";
            if (text.Contains(line, StringComparison.Ordinal))
            {
                return text;
            }

            Assert.True(limit.Elapsed < TimeSpan.FromMinutes(1), "the gateway did not start:\n" + text);
            await Task.Delay(100);
        }
    }

    /// <summary>Starts <paramref name="program"/> (found on PATH) with exactly <paramref name="environment"/>, its
    /// input from /dev/null, its output and errors to <paramref name="output"/>; its process id.</summary>
    private static int Spawn(string program, string[] arguments, string[] environment, string output)
    {
        var actions = Marshal.AllocHGlobal(256);
        var strings = new List<IntPtr>();
        IntPtr[] Pointers(IEnumerable<string> values) =>
            [.. values.Select(value =>
            {
                strings.Add(Marshal.StringToCoTaskMemUTF8(value));
                return strings[^1];
            }), IntPtr.Zero];

        try
        {
            const int WriteCreateTruncate = 0x1 | 0x40 | 0x200;
            Assert.Equal(0, FileActionsInit(actions));
            Assert.Equal(0, FileActionsOpen(actions, 0, "/dev/null\0"u8.ToArray(), 0, 0));
            Assert.Equal(0, FileActionsOpen(
                actions, 1, Encoding.UTF8.GetBytes(output + "\0"), WriteCreateTruncate, Convert.ToInt32("600", 8)));
            Assert.Equal(0, FileActionsDup(actions, 1, 2));
            Assert.Equal(0, SpawnOnPath(out var pid, Encoding.UTF8.GetBytes(program + "\0"), actions, IntPtr.Zero,
                Pointers([program, .. arguments]), Pointers(environment)));
            return pid;
        }
        finally
        {
            _ = FileActionsDestroy(actions);
            Marshal.FreeHGlobal(actions);
            strings.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    /// <summary>Stops a spawned gateway with SIGTERM (SIGKILL after 30 s) and reaps it; its exit code, 128 and the
    /// signal when a signal ended it, -1 when it could not be reaped.</summary>
    private static async Task<int> StopSpawnedAsync(int pid)
    {
        _ = Kill(pid, 15);
        var reaped = Task.Run(() => WaitForExit(pid, out var status, 0) == pid ? status : (int?)null);
        if (await Task.WhenAny(reaped, Task.Delay(TimeSpan.FromSeconds(30))) != reaped)
        {
            _ = Kill(pid, 9);
        }

        return await reaped is not { } status ? -1
            : (status & 0x7f) == 0 ? (status >> 8) & 0xff
            : 128 + (status & 0x7f);
    }

    /// <summary>Starts the gateway, waits for a line starting with <paramref name="until"/> (by default its
    /// endpoints' line), reads what Linux says of the process then, and stops it with SIGTERM.</summary>
    private async Task<Run> RunUntilListeningAsync(string? cap, string until = "police-gw: client https://")
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "exgw.dll"), "gateway",
                     "--config", files.Config })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("GLIBC_TUNABLES");
        start.Environment.Remove("MALLOC_ARENA_MAX");
        if (cap is not null)
        {
            start.Environment["MALLOC_ARENA_MAX"] = cap;
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Add(string? line)
        {
            lock (lines)
            {
                if (line is not null)
                {
                    lines.Add(line);
                }

                if (line?.StartsWith(until, StringComparison.Ordinal) ?? false)
                {
                    listening.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Run run;
        try
        {
            await Task.WhenAny(listening.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(listening.Task.IsCompleted, "the gateway did not start:\n" + string.Join('\n', Copy()));
            if (!OperatingSystem.IsLinux())
            {
                run = new Run(Copy(), [], [], "", "", false);
            }
            else
            {
                var name = (await File.ReadAllTextAsync($"/proc/{process.Id}/comm")).TrimEnd('\n');
                var started = Path.GetFileName(start.FileName);
                run = new Run(Copy(), Strings($"/proc/{process.Id}/environ"), Strings($"/proc/{process.Id}/cmdline"),
                    name, started[..Math.Min(15, started.Length)], await DiagnosticsAnswerAsync(process.Id));
            }
        }
        finally
        {
            await StopAsync(process);
        }

        // A clean stop removes the diagnostics socket of the runtime that ran last.
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{process.Id}-*-socket"));
        return run with { Lines = Copy(), ExitCode = process.ExitCode };


        List<string> Copy()
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    /// <summary>Stops the gateway as an operator would, with SIGTERM on Linux, and kills it only if it has not
    /// stopped within 30 s.</summary>
    private static async Task StopAsync(Process process)
    {
        if (OperatingSystem.IsLinux() && Kill(process.Id, 15) == 0)
        {
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                return;
            }
            catch (TimeoutException)
            {
                // Killed below.
            }
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [DllImport("libc", EntryPoint = "kill", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "posix_spawnp", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SpawnOnPath(
        out int pid, byte[] file, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_init", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileActionsInit(IntPtr actions);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_addopen", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileActionsOpen(IntPtr actions, int fd, byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileActionsDup(IntPtr actions, int fd, int newFd);

    [DllImport("libc", EntryPoint = "posix_spawn_file_actions_destroy", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileActionsDestroy(IntPtr actions);

    [Fact]
    public async Task PortInUse_IsNamedBeforeAnyFileIsMade_AndExitsTwo()
    {
        var (folder, config) = CopyOfPolice("police-busy");
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
        var client = System.Net.IPEndPoint.Parse(
            settings.RootElement.GetProperty("clientEndpoint").GetProperty("address").GetString()!);
        using var held = new TcpListener(client);
        held.Start();

        var (exitCode, output) = await Cli.RunAsync("gateway", "--config", config);

        Assert.Equal(2, exitCode);
        Assert.Contains($"the client endpoint {client} cannot be opened", output, StringComparison.Ordinal);
        Assert.Equal(["gateway.json", "subject.key"],
            Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MessageLogInUse_IsNamedAsSuch_BeforeThePortsItsGatewayHolds_AndExitsTwo()
    {
        // Its message log's lock held as a running gateway on that log holds it, and its client port too.
        var (folder, config) = CopyOfPolice("police-twice");
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
        var client = System.Net.IPEndPoint.Parse(
            settings.RootElement.GetProperty("clientEndpoint").GetProperty("address").GetString()!);
        var log = Path.GetFullPath(settings.RootElement.GetProperty("messageLog").GetString()!, folder);
        using var port = new TcpListener(client);
        port.Start();
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        await using var held = new FileStream(log + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite,
            FileShare.None);

        var (exitCode, output) = await Cli.RunAsync("gateway", "--config", config);

        Assert.Equal(2, exitCode);
        Assert.Contains($"another gateway runs on the message log {log}; stop it first", output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be opened", output, StringComparison.Ordinal);
    }

    /// <summary>A copy of police's configuration in a folder of its own beside it, with its subject key, so that the
    /// relative paths still lead to the PKI and federation and nothing has to be made before the ports are
    /// seen.</summary>
    private (string Folder, string Config) CopyOfPolice(string name)
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(files.Config)!)!, name);
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "gateway.json");
        File.Copy(files.Config, config, overwrite: true);
        File.Copy(Path.Combine(Path.GetDirectoryName(files.Config)!, "subject.key"),
            Path.Combine(folder, "subject.key"), overwrite: true);
        return (folder, config);
    }

    [DllImport("libc", EntryPoint = "waitpid", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int WaitForExit(int pid, out int status, int options);

    /// <summary>Whether the runtime of process <paramref name="id"/> listens on its diagnostics socket, as
    /// <c>dotnet-counters</c> finds it: <c>dotnet-diagnostic-PID-START-socket</c> in the temporary folder.</summary>
    private static async Task<bool> DiagnosticsAnswerAsync(int id)
    {
        var socket = Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{id}-*-socket").SingleOrDefault();
        if (socket is null)
        {
            return false;
        }

        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await client.ConnectAsync(new UnixDomainSocketEndPoint(socket)).WaitAsync(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string[] Strings(string path) =>
        File.ReadAllText(path).Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What a run printed (up to its end) and what Linux said of its process: environment, arguments, name
    /// (comm), the name of the program started (as comm keeps it, 15 characters at most), and whether its diagnostics
    /// answered.</summary>
    private sealed record Run(List<string> Lines, string[] Environment, string[] Arguments, string Name,
        string Started, bool Diagnostics)
    {
        /// <summary>How the process ended, once stopped.</summary>
        public int? ExitCode { get; init; }
    }

    /// <summary>A demo federation's files, its gateways stopped: police's configuration is the one run.</summary>
    public sealed class Files : IAsyncLifetime
    {
        private readonly DemoFolder _folder = new();

        public string Config => Path.Combine(_folder.Path, "police", "gateway.json");

        public async Task InitializeAsync()
        {
            await using var federation = await _folder.StartAsync();
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
