using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Benchmarks.Signing;

/// <summary>
/// Batch signing against one signature per message, in one process and one run: N concurrent callers each sign
/// envelope hashes for a fixed time, first through <see cref="BatchSigner"/>, then each with its own CMS
/// signature; the report gives messages signed per second, signatures made per second and batch sizes.
/// </summary>
internal static class SigningBenchmark
{
    /// <summary>The options it takes.</summary>
    public static readonly IReadOnlySet<string> Options = Arguments.Names("--seconds", "--out");

    public static async Task<int> RunAsync(Arguments args)
    {
        var seconds = args.Int("--seconds", 3);
        var output = args.Optional("--out");
        var now = DateTimeOffset.UtcNow;
        var ca = CertificateFactory.CreateAuthority("CN=Signing benchmark CA", now.AddDays(-1), now.AddDays(1));
        var signing = CertificateFactory.CreateSigning(ca, "CN=member", now.AddDays(-1), now.AddDays(1));
        var signer = new MessageSigner(signing);
        var table = new StringBuilder();
        table.AppendLine("| mode | concurrency | messages signed/s | signatures/s | messages per signature |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var concurrency in new[] { 1, 64 })
        {
            var batched = await BatchedAsync(signer, concurrency, seconds).ConfigureAwait(false);
            var single = await SingleAsync(signer, concurrency, seconds).ConfigureAwait(false);
            table.AppendLine(Row("batch signing", concurrency, batched));
            table.AppendLine(Row("one signature per message", concurrency, single));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| ratio batch / single | {concurrency} | {batched.Messages / single.Messages:F1} | | |");
        }

        Console.Out.Write(table.ToString());
        if (output is not null)
        {
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "signing.md"),
                $"# Batch signing against one signature per message\n\n{seconds} s per point, ECDSA P-256, " +
                $"CMS SignedData, {Environment.ProcessorCount} cores, one process.\n\n{table}").ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<(double Messages, double Signatures)> BatchedAsync(
        MessageSigner signer, int concurrency, int seconds)
    {
        await using var batches = new BatchSigner(signer);
        var stop = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(async i =>
        {
            var hash = SHA256.HashData(BitConverter.GetBytes(i));
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                await batches.SignAsync(hash).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(callers).ConfigureAwait(false);
        var elapsed = stop.Elapsed.TotalSeconds;
        return (batches.Messages / elapsed, batches.Signatures / elapsed);
    }

    private static async Task<(double Messages, double Signatures)> SingleAsync(
        MessageSigner signer, int concurrency, int seconds)
    {
        long signed = 0;
        var stop = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(i => Task.Run(() =>
        {
            var hash = SHA256.HashData(BitConverter.GetBytes(i));
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                signer.Sign(hash);
                Interlocked.Increment(ref signed);
            }
        }));
        await Task.WhenAll(callers).ConfigureAwait(false);
        var rate = signed / stop.Elapsed.TotalSeconds;
        return (rate, rate);
    }

    private static string Row(string mode, int concurrency, (double Messages, double Signatures) result) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {mode} | {concurrency} | {result.Messages:F0} | {result.Signatures:F0} | " +
            $"{result.Messages / result.Signatures:F1} |");
}
