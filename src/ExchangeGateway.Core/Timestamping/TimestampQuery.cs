using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using ExchangeGateway.Core.Federation;

namespace ExchangeGateway.Core.Timestamping;

/// <summary>
/// One RFC 3161 request (TimeStampReq, section 2.4.1) over a SHA-256 hash, with a fresh random nonce and the
/// authority's certificate requested, and the checks its reply must pass.
/// </summary>
public sealed class TimestampQuery
{
    private const int NonceBytes = 16;

    private readonly byte[] _nonce;

    private TimestampQuery(byte[] sha256, byte[] nonce, byte[] encoded)
    {
        Sha256 = sha256;
        _nonce = nonce;
        Encoded = encoded;
    }

    /// <summary>The hash the token is to cover.</summary>
    public byte[] Sha256 { get; }

    /// <summary>The nonce, a positive big-endian integer the reply must echo.</summary>
    public ReadOnlyMemory<byte> Nonce => _nonce;

    /// <summary>The DER TimeStampReq, the body of an <c>application/timestamp-query</c> POST.</summary>
    public byte[] Encoded { get; }

    /// <summary>Makes a request over <paramref name="sha256"/> (32 bytes).</summary>
    public static TimestampQuery Create(byte[] sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        if (sha256.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException($"a SHA-256 hash has {SHA256.HashSizeInBytes} bytes", nameof(sha256));
        }

        // 126 random bits; the top byte in 0x40..0x7F keeps the INTEGER positive and its DER as it is, so that a
        // TSA echoing it as an integer gives back the same bytes.
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        nonce[0] = (byte)(0x40 | (nonce[0] & 0x3F));
        var request = Rfc3161TimestampRequest.CreateFromHash(
            sha256, HashAlgorithmName.SHA256, requestedPolicyId: null, nonce, requestSignerCertificates: true);
        return new TimestampQuery((byte[])sha256.Clone(), nonce, request.Encode());
    }

    /// <summary>
    /// Checks a reply to this request: PKIStatus granted (RFC 3161 section 2.4.2), then the token with
    /// <see cref="TimestampVerifier"/>, including the nonce.
    /// </summary>
    /// <returns>The checked token, or the first check that failed; never throws for a bad reply.</returns>
    public TimestampCheck ProcessReply(byte[] reply, FederationConfiguration federation)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(federation);
        if (!TimestampReply.TryDecode(reply, out var decoded, out var failure))
        {
            return TimestampCheck.Invalid(TimestampFailure.Malformed, failure);
        }

        // RFC 3161 section 2.4.2: only granted and grantedWithMods carry a token.
        if (decoded.Status is not (TimestampStatus.Granted or TimestampStatus.GrantedWithMods))
        {
            var text = decoded.StatusText.Length > 0 ? $": {decoded.StatusText}" : "";
            return TimestampCheck.Invalid(TimestampFailure.Status,
                $"the authority answered {decoded.Status} ({decoded.FailureInfo}){text}");
        }

        if (decoded.Token is null)
        {
            return TimestampCheck.Invalid(TimestampFailure.Malformed, $"a {decoded.Status} reply without a token");
        }

        return TimestampVerifier.Verify(decoded.Token, Sha256, federation, _nonce);
    }
}
