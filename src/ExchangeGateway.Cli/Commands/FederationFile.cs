using System.Diagnostics.CodeAnalysis;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.Federation;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// Reads a signed federation configuration against a pinned anchor, for the commands that work on a gateway's
/// files; a problem is printed as one line.
/// </summary>
internal static class FederationFile
{
    /// <summary>Reads FILE and its signature FILE.p7s.</summary>
    public static bool TryRead(
        FileInfo document, FileInfo anchor, [NotNullWhen(true)] out FederationConfiguration? configuration)
    {
        var read = TryRead(document, new FileInfo(document.FullName + ".p7s"), anchor, out var signed);
        configuration = signed?.Configuration;
        return read;
    }

    /// <summary>Reads the document and its signature, keeping the bytes the authority signed.</summary>
    public static bool TryRead(
        FileInfo document, FileInfo signature, FileInfo anchor, [NotNullWhen(true)] out SignedFederation? signed)
    {
        signed = null;
        if (!AnchorFile.TryRead(anchor, out var anchors))
        {
            return false;
        }

        if (!document.Exists || !signature.Exists)
        {
            Console.Error.WriteLine($"--federation {document.FullName}: no such file, or no {signature.Name} for it");
            return false;
        }

        var bytes = File.ReadAllBytes(document.FullName);
        var signatureBytes = File.ReadAllBytes(signature.FullName);
        if (FederationConfigurationReader.TryRead(bytes, signatureBytes, anchors, DateTimeOffset.UtcNow,
                out var configuration, out var errors))
        {
            signed = new SignedFederation(bytes, signatureBytes, configuration);
            return true;
        }

        Console.Error.WriteLine($"federation configuration refused: {string.Join("; ", errors)}");
        return false;
    }
}
