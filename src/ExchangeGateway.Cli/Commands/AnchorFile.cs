using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// Reads a PEM file of trusted certificates named on the command line: the pinned configuration-signing
/// certificate(s) of <c>--anchor</c>, or the CA of <c>--ca</c>.
/// </summary>
internal static class AnchorFile
{
    /// <summary>False, with the line printed, when the file is missing or holds no certificate.</summary>
    public static bool TryRead(FileInfo file, [NotNullWhen(true)] out X509Certificate2Collection? anchors)
    {
        anchors = new X509Certificate2Collection();
        if (Problem("--anchor", file.FullName, anchors) is { } problem)
        {
            Console.Error.WriteLine(problem);
            anchors = null;
            return false;
        }

        return true;
    }

    /// <summary>Adds the certificates of <paramref name="path"/> to <paramref name="certificates"/>; the line to
    /// print, naming <paramref name="option"/>, when the file is missing, unreadable or holds none.</summary>
    public static string? Problem(string option, string path, X509Certificate2Collection certificates)
    {
        if (!File.Exists(path))
        {
            return $"{option} {path}: no such file";
        }

        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"{option} {path}: not a PEM certificate file: {ex.Message}";
        }

        return certificates.Count == 0 ? $"{option} {path}: the file holds no certificate" : null;
    }
}
