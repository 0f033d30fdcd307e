using System.Diagnostics;
using System.Threading.Channels;
using ExchangeGateway.Benchmarks.Roles;

namespace ExchangeGateway.Benchmarks.Processes;

/// <summary>
/// A process the benchmark started: its output goes to a log file, its <c>@@KIND</c> lines become messages, its
/// standard input stays open until it is asked to stop, and it is killed with its children if it does not stop.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Channel<(string Kind, string Body)> _messages = Channel.CreateUnbounded<(string, string)>();
    private readonly Task _pumps;
    private bool _disposed;

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
        Id = process.Id;
        _pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, messages: true), PumpAsync(process.StandardError, messages: false));
    }

    public string Name { get; }

    public int Id { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/>, output to <paramref name="logPath"/>,
    /// and tells <paramref name="guard"/> (when given) to kill it should the benchmark die first;
    /// <paramref name="environment"/> is added to the environment it inherits.
    /// </summary>
    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> arguments, string logPath, ChildProcess? guard,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name}: {fileName} did not start");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var child = new ChildProcess(name, process, log);
        if (guard is not null && ProcStat.StartTime(child.Id) is { } start)
        {
            guard.Send($"{child.Id} {start}");
        }

        return child;
    }

    /// <summary>Writes a line to the process's standard input.</summary>
    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Waits for the next <c>@@KIND</c> message; fails if the process exits first or time runs out.</summary>
    public async Task<string> ReceiveAsync(string kind, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            while (await _messages.Reader.WaitToReadAsync(limit.Token).ConfigureAwait(false))
            {
                if (_messages.Reader.TryRead(out var message) && message.Kind == kind)
                {
                    return message.Body;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} sent no {kind} within {timeout.TotalSeconds:F0} s");
        }

        // Its output ended: give it a moment to be reaped, for the exit code.
        await Task.WhenAny(_process.WaitForExitAsync(cancellationToken), Task.Delay(1000, cancellationToken))
            .ConfigureAwait(false);
        throw new InvalidOperationException(
            $"{Name} exited ({ExitCodeText()}) before sending {kind}; see its log");
    }

    /// <summary>
    /// Closes standard input, which asks a role process to stop, and waits; kills it after the grace time.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has gone already.
        }

        using var limit = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the process to exit by itself.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the process and every process under it.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!HasExited)
        {
            Kill();
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await _pumps.ConfigureAwait(false);
        _process.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private string ExitCodeText() => HasExited ? $"exit code {ExitCode}" : "still running";

    private async Task PumpAsync(StreamReader reader, bool messages)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (messages && line.StartsWith(ReadyLine.Prefix, StringComparison.Ordinal))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var kind = space < 0 ? line[ReadyLine.Prefix.Length..] : line[ReadyLine.Prefix.Length..space];
                _messages.Writer.TryWrite((kind, space < 0 ? "" : line[(space + 1)..]));
                continue;
            }

            lock (_log)
            {
                _log.WriteLine(line);
            }
        }

        if (messages)
        {
            _messages.Writer.TryComplete();
        }
    }
}
