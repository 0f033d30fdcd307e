using ExchangeGateway.Core.Pki;
using ExchangeGateway.Host.Timestamping;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// <c>tsa --port N --pki DIR</c>: the RFC 3161 time-stamping authority the benchmark's federation lists, the same
/// server <c>exgw up</c> runs, so that the gateways time-stamp their logs as in production.
/// </summary>
internal static class TsaRole
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var certificate = PemFiles.Read(args.Required("--pki"), "tsa");
        var tsa = await TimestampAuthorityServer.StartAsync(
            certificate, args.Int("--port"), TimeProvider.System, NullLoggerFactory.Instance).ConfigureAwait(false);
        await using (tsa.ConfigureAwait(false))
        {
            ReadyLine.Write("READY", new { pid = Environment.ProcessId, address = tsa.Address.ToString() });
            await ParentLink.StopRequested().ConfigureAwait(false);
        }

        return 0;
    }
}
