using System.CommandLine;
using ExchangeGateway.Cli.Demo;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Cli.Commands;

/// <summary><c>exgw pki</c>: makes whatever of the development PKI is missing and lists it.</summary>
internal static class PkiCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the PKI files",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("certs-dev", "out")),
        };
        var command = new Command("pki", "Generate the development PKI (federation CA, authority, per-agency " +
            "gateway TLS, signing and client certificates) where missing")
        {
            output,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!.FullName;
            var pki = DevelopmentPki.Ensure(folder, DemoAgencies.All.Select(a => a.Key), TimeProvider.System);
            foreach (var file in Directory.GetFiles(pki.Directory, "*.pem").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var certificate = PemFiles.ReadCertificate(pki.Directory, name);
                Console.Out.WriteLine($"{name,-26} {certificate.Subject}");
                var until = certificate.NotAfter.ToString(
                    "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                Console.Out.WriteLine($"{"",-26} sha256 {Fingerprint.Of(certificate)}, until {until}");
            }

            return 0;
        });
        return command;
    }
}
