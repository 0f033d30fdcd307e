using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Timestamping;

/// <summary>
/// The outcome of checking a time-stamp reply or token: the checked token when every check passed, otherwise the
/// check that failed and why.
/// </summary>
public sealed record TimestampCheck
{
    private TimestampCheck(
        TimestampToken? token, X509Certificate2? signer, TimestampFailure failedCheck, string? failure)
    {
        Token = token;
        Signer = signer;
        FailedCheck = failedCheck;
        Failure = failure;
    }

    /// <summary>The checked token, its time and the listed authority that issued it; null unless valid.</summary>
    public TimestampToken? Token { get; }

    /// <summary>The authority's token-signing certificate; null unless valid.</summary>
    public X509Certificate2? Signer { get; }

    /// <summary>The check that failed; <see cref="TimestampFailure.None"/> when valid.</summary>
    public TimestampFailure FailedCheck { get; }

    /// <summary>What failed, in words; null when valid.</summary>
    public string? Failure { get; }

    /// <summary>True when every check passed.</summary>
    [MemberNotNullWhen(true, nameof(Token), nameof(Signer))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => FailedCheck == TimestampFailure.None;

    /// <inheritdoc />
    public override string ToString() => IsValid
        ? $"valid: {Token.Authority} at {Token.Time:O}"
        : $"{FailedCheck}: {Failure}";

    internal static TimestampCheck Valid(TimestampToken token, X509Certificate2 signer) =>
        new(token, signer, TimestampFailure.None, null);

    internal static TimestampCheck Invalid(TimestampFailure check, string failure) => new(null, null, check, failure);
}
