using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Federation;

/// <summary>
/// Reads a signed federation configuration: verifies the signature against the pinned anchor, then validates the
/// whole document in one pass and reports every error at once.
/// </summary>
/// <remarks>
/// Stages: (1) the CMS signature is checked and its signer must be one of the pinned anchor certificates, valid at
/// the time of reading; (2) the JSON is parsed strictly; (3) every member, subsystem, gateway and certificate is
/// validated; (4) the lookups are built.
/// </remarks>
public static class FederationConfigurationReader
{
    /// <summary>
    /// Reads and validates a configuration; on failure <paramref name="errors"/> lists every problem.
    /// </summary>
    public static bool TryRead(
        byte[] documentBytes,
        byte[] signature,
        X509Certificate2Collection anchors,
        DateTimeOffset now,
        [NotNullWhen(true)] out FederationConfiguration? configuration,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        configuration = null;

        // (1) The signature and the pinned anchor.
        var signatureFailure = CheckSignature(documentBytes, signature, anchors, now);
        if (signatureFailure is not null)
        {
            errors = [signatureFailure];
            return false;
        }

        // (2) Strict parsing.
        FederationDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<FederationDocument>(documentBytes, FederationJson.Options);
        }
        catch (JsonException ex)
        {
            errors = [$"federation configuration is not valid JSON: {ex.Message}"];
            return false;
        }

        if (document is null)
        {
            errors = ["federation configuration is empty"];
            return false;
        }

        var nulls = FederationDocumentNulls.Find(document);
        if (nulls.Count > 0)
        {
            errors = nulls;
            return false;
        }

        // (3) and (4) Validation, then lookups.
        var builder = new FederationConfigurationBuilder(document, SHA256.HashData(documentBytes));
        configuration = builder.Build();
        errors = builder.Errors;
        if (errors.Count > 0)
        {
            configuration = null;
            return false;
        }

        return true;
    }

    private static string Short(X509Certificate2 certificate) =>
        "SHA-256 " + Fingerprint.Of(certificate)[..16] + "...";

    private static string? CheckSignature(
        byte[] documentBytes, byte[] signature, X509Certificate2Collection anchors, DateTimeOffset now)
    {
        var cms = new SignedCms(new ContentInfo(documentBytes), detached: true);
        try
        {
            cms.Decode(signature);
        }
        catch (CryptographicException ex)
        {
            return $"configuration signature is not CMS SignedData: {ex.Message}";
        }

        if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } signer)
        {
            return "configuration signature must have exactly one signer with its certificate included";
        }

        var pinned = anchors.Cast<X509Certificate2>().Any(a => a.RawData.AsSpan().SequenceEqual(signer.RawData));
        if (!pinned)
        {
            var anchorNames = string.Join(", ", anchors.Cast<X509Certificate2>().Select(a => Short(a)));
            return $"configuration is signed by '{signer.Subject}' ({Short(signer)}), which is not the pinned trust " +
                $"anchor ({anchorNames})";
        }

        if (now < signer.NotBefore.ToUniversalTime() || now > signer.NotAfter.ToUniversalTime())
        {
            return $"configuration-signing certificate '{signer.Subject}' is not valid at {now:O}";
        }

        try
        {
            cms.SignerInfos[0].CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException ex)
        {
            return $"configuration signature does not verify: {ex.Message}";
        }

        return null;
    }
}
