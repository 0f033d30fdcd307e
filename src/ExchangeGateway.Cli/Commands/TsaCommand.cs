using System.CommandLine;
using System.Net;
using ExchangeGateway.Host;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Timestamping;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw tsa --pki DIR --port N</c>: runs the product's RFC 3161 time-stamping authority on loopback with the
/// development PKI's <c>tsa</c> certificate and key, until interrupted.
/// </summary>
internal static class TsaCommand
{
    public static Command Create()
    {
        var pki = new Option<DirectoryInfo>("--pki")
        {
            Description = "Folder of the development PKI, holding tsa.pem and tsa.key (see exgw pki)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("certs-dev", "out")),
        };
        var port = CommonOptions.Number("--port", "Loopback TCP port to listen on; 0 picks a free one", 7180, 0,
            IPEndPoint.MaxPort);
        var policy = new Option<string>("--policy")
        {
            Description = "TSA policy OID written into every token",
            DefaultValueFactory = _ => TimestampAuthorityServer.DefaultPolicy,
        };
        var directory = CommonOptions.StateDirectory();
        directory.Description = "Folder under which the authority writes its diagnostic log (DIR/tsa/logs); " +
            "its keys come from --pki";
        var command = new Command("tsa",
            "Run an RFC 3161 time-stamping authority over HTTP on 127.0.0.1 until Ctrl+C")
        {
            pki, port, policy, directory,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(pki)!, parse.GetValue(port), parse.GetValue(policy)!, parse.GetValue(directory)!,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        DirectoryInfo pki, int port, string policy, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(pki.FullName, "tsa.pem")) || !File.Exists(Path.Combine(pki.FullName, "tsa.key")))
        {
            await Console.Error.WriteLineAsync(
                $"{pki.FullName}: no tsa.pem and tsa.key; make them with: exgw pki --out {pki.FullName}")
                .ConfigureAwait(false);
            return 2;
        }

        using var certificate = PemFiles.Read(pki.FullName, "tsa");
        using (var shutdown = Shutdown.Listen(cancellationToken))
        using (var loggers = GatewayLogging.Create(Path.Combine(directory.FullName, "tsa", "logs"), console: true))
        {
            TimestampAuthorityServer server;
            try
            {
                server = await TimestampAuthorityServer.StartAsync(
                    certificate, port, TimeProvider.System, loggers, policy, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 2;
            }

            await using (server.ConfigureAwait(false))
            {
                Console.Out.WriteLine($"Time-stamping authority: {server.Address}");
                Console.Out.WriteLine($"  certificate {certificate.Subject}, sha256 {Fingerprint.Of(certificate)}");
                Console.Out.WriteLine($"  policy {policy}");
                Console.Out.WriteLine("Running; press Ctrl+C to stop.");
                await shutdown.WaitAsync().ConfigureAwait(false);
            }
        }

        // The authority stopped and every line of its log written, as up and gateway say it.
        Console.Out.WriteLine("tsa: stopped");
        return 0;
    }
}
