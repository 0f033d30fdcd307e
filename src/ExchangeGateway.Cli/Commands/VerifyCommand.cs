using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Archives;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw verify ARCHIVE... --anchor FILE</c>: checks archives offline with nothing but the files and the
/// federation's trust anchor; exits 1 at the first failed check, which it names.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var archives = new Argument<FileSystemInfo[]>("archives")
        {
            Description = "Archive files, or folders whose *.zip files are archives",
            Arity = ArgumentArity.OneOrMore,
        };
        var anchor = new Option<FileInfo>("--anchor")
        {
            Description = "The pinned configuration-signing certificate (PEM)",
            Required = true,
        };
        var command = new Command("verify",
            "Verify message log archives offline: chain, payloads, signatures, proofs, time-stamps, archive links")
        {
            archives, anchor,
        };
        command.SetAction(parse => Run(parse.GetValue(archives)!, parse.GetValue(anchor)!));
        return command;
    }

    private static int Run(FileSystemInfo[] inputs, FileInfo anchorFile)
    {
        var paths = new List<string>();
        foreach (var input in inputs)
        {
            if (input is DirectoryInfo { Exists: true } folder)
            {
                paths.AddRange(folder.GetFiles("*.zip").Select(f => f.FullName).Order(StringComparer.Ordinal));
            }
            else if (input.Exists)
            {
                paths.Add(input.FullName);
            }
            else
            {
                Console.Error.WriteLine($"{input.FullName}: no such archive or folder");
                return 2;
            }
        }

        if (paths.Count == 0)
        {
            Console.Error.WriteLine("no archives given (a folder holds no *.zip files)");
            return 2;
        }

        if (!AnchorFile.TryRead(anchorFile, out var anchors))
        {
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var bar = ProgressBar.ForStandardError();
        var verification = ArchiveVerifier.Verify(paths, anchors, bar);
        bar?.Finish();
        clock.Stop();
        return Report(verification, clock.Elapsed);
    }

    private static int Report(ArchiveVerification v, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var note in v.Notes)
        {
            Console.Out.WriteLine($"note: {note}");
        }

        if (!v.IsValid)
        {
            Console.Out.WriteLine(string.Create(c,
                $"FAILED after {v.Records:N0} records in {v.Archives} good archive(s): {v.Failure}"));
            return 1;
        }

        Console.Out.WriteLine(string.Create(c, $"verified {v.Archives} archive(s) of {string.Join(", ", v.Gateways)}"));
        Console.Out.WriteLine(string.Create(c, $"  records:   {v.Records:N0} ({v.SignedRecords:N0} signed, " +
            $"{v.Payloads:N0} payloads) under {v.Stamps:N0} time-stamp token(s)"));
        Console.Out.WriteLine(string.Create(c,
            $"  span:      {v.From:yyyy-MM-dd HH:mm:ss} to {v.To:yyyy-MM-dd HH:mm:ss} UTC"));
        Console.Out.WriteLine($"  members:   {string.Join(", ", v.Members)}");
        var rate = elapsed.TotalSeconds > 0 ? v.Records / elapsed.TotalSeconds : 0;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.Out.WriteLine(string.Create(c,
            $"  checked in {elapsed.TotalSeconds:F1} s: {rate:N0} records/s, peak memory {peak:F0} MiB"));
        return 0;
    }
}
