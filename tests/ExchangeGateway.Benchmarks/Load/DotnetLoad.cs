using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Benchmarks.Processes;
using ExchangeGateway.Benchmarks.Roles;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace ExchangeGateway.Benchmarks.Load;

/// <summary>
/// The .NET load generator: <see cref="LoadCommand.Concurrency"/> callers on one channel (one HTTP/2 connection,
/// as an agency system's stub would have), each calling again as soon as its answer is in.
/// </summary>
/// <remarks>
/// Stages: (1) the channel and the request, made once; (2) the callers start and run through the warm-up;
/// (3) at the window's start the CPU time of every watched process is read; (4) at its end again, and the callers
/// stop calling; (5) calls still in flight finish but are not counted; only calls that ended inside the window
/// count, so the CPU time and the call count cover the same interval.
/// </remarks>
internal static class DotnetLoad
{
    /// <summary>The key under which the whole machine's busy CPU time is reported.</summary>
    public const string Machine = "machine";

    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public static async Task<LoadResult> RunAsync(LoadCommand command, LoadIdentity identity)
    {
        // (1)
        using var channel = Channel(command, identity);
        var client = new Echo.EchoClient(channel);
        var payload = RandomNumberGenerator.GetBytes(command.PayloadBytes);
        var request = new EchoRequest { Payload = ByteString.CopyFrom(payload) };
        var callers = Enumerable.Range(0, command.Concurrency).Select(_ => new Caller()).ToArray();
        using var stop = new CancellationTokenSource();

        // (2)
        var running = callers.Select(c => c.RunAsync(client, request, identity.Headers, stop.Token)).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(command.WarmupSeconds)).ConfigureAwait(false);

        // (3) and (4)
        var startedAt = DateTimeOffset.UtcNow;
        var windowStart = Stopwatch.GetTimestamp();
        var cpuBefore = Cpu(command.Watch);
        var threadsBefore = ThreadStat.Read(command.Watch);
        await Task.Delay(TimeSpan.FromSeconds(command.DurationSeconds)).ConfigureAwait(false);
        var cpuAfter = Cpu(command.Watch);
        var threadsAfter = ThreadStat.Read(command.Watch);
        var windowEnd = Stopwatch.GetTimestamp();
        var endedAt = DateTimeOffset.UtcNow;
        await stop.CancelAsync().ConfigureAwait(false);

        // (5)
        await Task.WhenAll(running).ConfigureAwait(false);
        var inWindow = callers.SelectMany(c => c.Completed)
            .Where(c => c.End >= windowStart && c.End <= windowEnd).ToList();
        var latencies = inWindow.Where(c => c.Ok)
            .Select(c => Stopwatch.GetElapsedTime(c.Start, c.End).TotalMilliseconds).Order().ToList();

        // A call that hangs through the window and fails after it (its deadline) is a failure of this point too:
        // counted by the calls that overlap the window, never lost because they ended late.
        var failures = callers.SelectMany(c => c.Completed)
            .Count(c => !c.Ok && c.Start <= windowEnd && c.End >= windowStart);
        return new LoadResult
        {
            Requests = latencies.Count,
            Failures = failures,
            FirstFailure = callers.Select(c => c.FirstFailure).FirstOrDefault(f => f is not null),
            Seconds = Stopwatch.GetElapsedTime(windowStart, windowEnd).TotalSeconds,
            P50Milliseconds = Percentiles.Of(latencies, 50),
            P99Milliseconds = Percentiles.Of(latencies, 99),
            CpuSeconds = cpuAfter.ToDictionary(p => p.Key, p => p.Value - cpuBefore.GetValueOrDefault(p.Key)),
            Threads = ThreadStat.Between(threadsBefore, threadsAfter),
            StartedAt = startedAt,
            EndedAt = endedAt,
        };
    }

    private static Dictionary<string, double> Cpu(Dictionary<string, int[]> watch)
    {
        var cpu = watch.ToDictionary(p => p.Key, p => p.Value.Sum(pid => ProcStat.CpuSeconds(pid) ?? 0));
        cpu["load-generator"] = ProcStat.CpuSeconds(Environment.ProcessId) ?? 0;
        cpu[Machine] = ProcStat.MachineBusySeconds();
        return cpu;
    }

    private static GrpcChannel Channel(LoadCommand command, LoadIdentity identity)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        if (command.Tls != "none")
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, server, _, _) => server is X509Certificate2 certificate
                    && CertificateChains.Validate(certificate, [identity.Authority], DateTimeOffset.UtcNow) is null,
            };
            if (command.Tls == "mutual")
            {
                handler.SslOptions.ClientCertificates = [identity.ClientCertificate];
                handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => identity.ClientCertificate;
            }
        }

        return GrpcChannel.ForAddress(command.Target, new GrpcChannelOptions
        {
            HttpHandler = handler,

            // The generator stays up between points: without this each point's connection stayed open, idle, until
            // the server's keep-alive timeout closed it (some 20 at a time on the consumer in a long run).
            DisposeHttpClient = true,
            MaxReceiveMessageSize = 32 * 1024 * 1024,
            MaxSendMessageSize = 32 * 1024 * 1024,
        });
    }

    /// <summary>One caller: calls in a loop and keeps the start, the end and the outcome of every call.</summary>
    private sealed class Caller
    {
        public List<(long Start, long End, bool Ok)> Completed { get; } = new(capacity: 4096);

        public string? FirstFailure { get; private set; }

        public async Task RunAsync(
            Echo.EchoClient client, EchoRequest request, Metadata headers, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    using var call = client.SayAsync(
                        request, headers, DateTime.UtcNow + CallDeadline, CancellationToken.None);
                    var reply = await call.ResponseAsync.ConfigureAwait(false);
                    ok = reply.Payload.Length == request.Payload.Length;
                    FirstFailure ??= ok
                        ? null
                        : $"reply of {reply.Payload.Length} bytes, expected {request.Payload.Length}";
                }
                catch (RpcException ex)
                {
                    ok = false;
                    FirstFailure ??= $"{ex.StatusCode}: {ex.Status.Detail}";
                }

                Completed.Add((start, Stopwatch.GetTimestamp(), ok));
                if (!ok)
                {
                    // A path that fails fast must not turn the generator into a busy loop.
                    await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
    }
}
