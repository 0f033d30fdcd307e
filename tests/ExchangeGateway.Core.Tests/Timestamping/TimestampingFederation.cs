using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Timestamping;

/// <summary>The tests' federation with two time-stamping authorities listed.</summary>
internal static class TimestampingFederation
{
    public const string FirstAuthority = "test-tsa";

    public const string SecondAuthority = "second-tsa";

    public static FederationDocument Document() => TestFederation.Document() with
    {
        TimestampingAuthorities =
        [
            new TimestampingAuthorityEntry
            {
                Name = FirstAuthority,
                Url = "http://127.0.0.1:7180/",
                Certificates =
                [
                    Fingerprint.Of(TimestampingCertificates.Tsa),
                    Fingerprint.Of(TimestampingCertificates.ForeignTsa),
                    Fingerprint.Of(TimestampingCertificates.RevokedTsa),
                    Fingerprint.Of(TimestampingCertificates.NoPurpose),
                    Fingerprint.Of(TimestampingCertificates.NonCriticalPurpose),
                    Fingerprint.Of(TimestampingCertificates.SharedPurpose),
                ],
            },
            new TimestampingAuthorityEntry
            {
                Name = SecondAuthority,
                Url = "https://127.0.0.1:7181/tsa",
                Certificates = [Fingerprint.Of(TimestampingCertificates.SecondTsa)],
            },
        ],
        RevokedCertificates =
            [.. TestFederation.Document().RevokedCertificates, Fingerprint.Of(TimestampingCertificates.RevokedTsa)],
    };

    public static FederationConfiguration Read() => TestFederation.Read(Document());
}
