using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Federation;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// Reads a signed federation configuration (FILE and FILE.p7s) against a pinned anchor, for audit commands.
/// </summary>
internal static class FederationFile
{
    public static bool TryRead(
        FileInfo document, FileInfo anchor, [NotNullWhen(true)] out FederationConfiguration? configuration)
    {
        configuration = null;
        if (!AnchorFile.TryRead(anchor, out var anchors))
        {
            return false;
        }

        if (!document.Exists || !File.Exists(document.FullName + ".p7s"))
        {
            Console.Error.WriteLine(
                $"--federation {document.FullName}: no such file, or no {document.Name}.p7s beside it");
            return false;
        }

        var bytes = File.ReadAllBytes(document.FullName);
        var signature = File.ReadAllBytes(document.FullName + ".p7s");
        if (FederationConfigurationReader.TryRead(bytes, signature, anchors, DateTimeOffset.UtcNow, out configuration,
                out var errors))
        {
            return true;
        }

        Console.Error.WriteLine($"federation configuration refused: {string.Join("; ", errors)}");
        return false;
    }
}
