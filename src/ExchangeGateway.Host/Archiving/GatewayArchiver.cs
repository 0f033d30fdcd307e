using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Host.Archiving;

/// <summary>The archiver of a gateway's log as its settings describe it: for the schedule and for
/// <c>exgw archive</c> alike.</summary>
internal static class GatewayArchiver
{
    public static LogArchiver For(
        GatewayOptions options, SqliteMessageLog log, Func<SignedFederation?> federation, TimeProvider time) =>
        new(log, options.Archiving.DirectoryFor(options.MessageLogPath), options.Name, options.Member.ToString(),
            new MessageSigner(options.SigningCertificate), federation, options.Archiving.Policy, time);
}
