using System.Text.Json;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Federation;

/// <summary>The governing authority's side: serialises a federation document and signs the exact bytes.</summary>
public static class FederationConfigurationWriter
{
    /// <summary>Serialises <paramref name="document"/>; the bytes are what gets signed and shipped.</summary>
    public static byte[] Serialise(FederationDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, FederationJson.Options);

    /// <summary>Signs the document bytes with the authority's configuration-signing key (detached CMS).</summary>
    public static byte[] Sign(byte[] documentBytes, MessageSigner authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return authority.Sign(documentBytes);
    }
}
