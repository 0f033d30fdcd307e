namespace ExchangeGateway.Core.Timestamping;

/// <summary>
/// Obtains RFC 3161 time-stamp tokens over SHA-256 hashes from the federation's time-stamping authorities.
/// </summary>
public interface ITimestamper
{
    /// <summary>
    /// Gets a token over <paramref name="sha256"/>, already checked (status, nonce, imprint, signature, signer).
    /// Throws <see cref="TimestampingException"/> when no authority gave a valid token.
    /// </summary>
    Task<TimestampToken> StampAsync(byte[] sha256, CancellationToken cancellationToken);
}
