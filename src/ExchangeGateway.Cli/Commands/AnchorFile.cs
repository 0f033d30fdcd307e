using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Cli.Commands;

/// <summary>Reads the pinned configuration-signing certificate(s) an auditor names with <c>--anchor</c>.</summary>
internal static class AnchorFile
{
    /// <summary>False, with the line printed, when the file is missing or holds no certificate.</summary>
    public static bool TryRead(FileInfo file, [NotNullWhen(true)] out X509Certificate2Collection? anchors)
    {
        anchors = null;
        if (!file.Exists)
        {
            Console.Error.WriteLine($"--anchor {file.FullName}: no such file");
            return false;
        }

        var read = new X509Certificate2Collection();
        try
        {
            read.ImportFromPemFile(file.FullName);
        }
        catch (CryptographicException ex)
        {
            Console.Error.WriteLine($"--anchor {file.FullName}: not a PEM certificate file: {ex.Message}");
            return false;
        }

        if (read.Count == 0)
        {
            Console.Error.WriteLine($"--anchor {file.FullName}: the file holds no certificate");
            return false;
        }

        anchors = read;
        return true;
    }
}
