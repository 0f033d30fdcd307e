using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using ExchangeGateway.Host.Configuration;
using Grpc.Core;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>Fresh audit API keys, one per role, and the audit section that accepts them.</summary>
public sealed class AuditCallers
{
    public string Auditor { get; } = NewKey();

    public string SecurityOfficer { get; } = NewKey();

    public string Observer { get; } = NewKey();

    public AuditOptions Options => new()
    {
        Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
        Keys =
        [
            new AuditKey("auditor-1", AuditRole.Auditor, AuditKey.HashOf(Auditor)),
            new AuditKey("officer-1", AuditRole.SecurityOfficer, AuditKey.HashOf(SecurityOfficer)),
            new AuditKey("observer-1", AuditRole.Observer, AuditKey.HashOf(Observer)),
        ],
    };

    public static Metadata Bearer(string key) => new() { { "authorization", $"Bearer {key}" } };

    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
