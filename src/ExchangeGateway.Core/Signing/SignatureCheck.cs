using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// The outcome of checking a detached CMS signature: the signer when valid, the failed check otherwise.
/// </summary>
public sealed record SignatureCheck
{
    private SignatureCheck(X509Certificate2? signer, string? failure)
    {
        Signer = signer;
        Failure = failure;
    }

    /// <summary>The certificate whose key made the signature, when the signature is valid.</summary>
    public X509Certificate2? Signer { get; }

    /// <summary>The check that failed, in words; null when valid.</summary>
    public string? Failure { get; }

    /// <summary>True when every check passed.</summary>
    [MemberNotNullWhen(true, nameof(Signer))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Failure is null;

    internal static SignatureCheck Valid(X509Certificate2 signer) => new(signer, null);

    internal static SignatureCheck Invalid(string failure) => new(null, failure);
}
