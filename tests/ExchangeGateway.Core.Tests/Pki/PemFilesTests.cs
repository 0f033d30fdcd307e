using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Pki;

public sealed class PemFilesTests
{
    [Fact]
    public void Write_ThenRead_GivesCertificateWithItsOwnKey()
    {
        using var folder = new TempDirectory();

        PemFiles.Write(folder.Path, "member", TestCertificates.ClientSigning);
        var read = PemFiles.Read(folder.Path, "member");

        Assert.Equal(TestCertificates.ClientSigning.RawData, read.RawData);
        using var key = read.GetECDsaPrivateKey()!;
        using var publicKey = TestCertificates.ClientSigning.GetECDsaPublicKey()!;
        byte[] data = [1, 2, 3];
        var signature = key.SignData(data, HashAlgorithmName.SHA256);
        Assert.True(publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256));
    }

    [Fact]
    public void Write_Files_ArePemCertificateAndPkcs8Key()
    {
        using var folder = new TempDirectory();

        PemFiles.Write(folder.Path, "member", TestCertificates.ClientSigning);

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(folder.File("member.pem")),
            StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(folder.File("member.key")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCertificate_Name_HasNoPrivateKey()
    {
        using var folder = new TempDirectory();
        PemFiles.Write(folder.Path, "member", TestCertificates.ClientSigning);

        var read = PemFiles.ReadCertificate(folder.Path, "member");

        Assert.False(read.HasPrivateKey);
        Assert.Equal(TestCertificates.ClientSigning.RawData, read.RawData);
    }

    [Fact]
    public void Write_MissingFolder_IsCreated()
    {
        using var folder = new TempDirectory();
        var nested = Path.Combine(folder.Path, "a", "b");

        PemFiles.Write(nested, "member", TestCertificates.ClientSigning);

        Assert.True(File.Exists(Path.Combine(nested, "member.key")));
    }

    [Fact]
    public void Write_CertificateWithoutKey_Throws()
    {
        using var folder = new TempDirectory();
        var publicOnly = X509CertificateLoader.LoadCertificate(TestCertificates.ClientSigning.RawData);

        Assert.Throws<ArgumentException>(() => PemFiles.Write(folder.Path, "member", publicOnly));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Write_KeyFile_IsReadableAndWritableByOwnerOnly()
    {
        using var folder = new TempDirectory();

        PemFiles.Write(folder.Path, "member", TestCertificates.ClientSigning);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File("member.key")));
    }
}
