using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExchangeGateway.Core.Pki;

/// <summary>Writes and reads a certificate with its private key as a pair of PEM files.</summary>
public static class PemFiles
{
    /// <summary>Writes <c>NAME.pem</c> (certificate) and <c>NAME.key</c> (PKCS #8 private key, owner-only).</summary>
    public static void Write(string directory, string name, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".pem"), certificate.ExportCertificatePem() + "\n");
        var keyPath = Path.Combine(directory, name + ".key");
        using var key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("certificate has no private key", nameof(certificate));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only from the moment the file exists, not after.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(keyPath, options))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem() + "\n");
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Reads <c>NAME.pem</c> and <c>NAME.key</c> into a certificate that carries its key.</summary>
    public static X509Certificate2 Read(string directory, string name) => X509Certificate2.CreateFromPemFile(
        Path.Combine(directory, name + ".pem"), Path.Combine(directory, name + ".key"));

    /// <summary>Reads the certificate <c>NAME.pem</c> alone.</summary>
    public static X509Certificate2 ReadCertificate(string directory, string name) =>
        X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(directory, name + ".pem")));
}
