using System.Net;
using System.Net.Http.Headers;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using ExchangeGateway.Core.Pki;
using ExchangeGateway.Core.Timestamping;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Host.Timestamping;

namespace ExchangeGateway.Host.Tests.Timestamping;

public sealed class TimestampAuthorityServerTests
{
    private static readonly byte[] Data = SHA256.HashData("a Merkle root over signatures"u8);

    [Fact]
    public async Task Post_Sha256Query_GrantsTokenAtInjectedTimeThatVerifies()
    {
        await using var bed = new TimestampingBed();
        bed.Time.Advance(TimeSpan.FromMilliseconds(123));
        var server = await bed.StartAuthorityAsync();
        var federation = bed.Federation(TimestampingBed.Entry("dev-tsa", server.Address, bed.Tsa));
        var query = TimestampQuery.Create(Data);

        var reply = await PostAsync(server.Address, query.Encoded);

        var check = query.ProcessReply(reply, federation);
        Assert.True(check.IsValid, check.ToString());
        Assert.Equal("dev-tsa", check.Token.Authority);
        var now = bed.Time.GetUtcNow();
        Assert.Equal(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond)), check.Token.Time);
        var info = Info(check.Token.Token);
        Assert.Equal(query.Nonce.ToArray(), info.GetNonce()?.ToArray());
        Assert.Equal(TimestampAuthorityServer.DefaultPolicy, info.PolicyId.Value);
        Assert.Null(info.AccuracyInMicroseconds);
    }

    [Fact]
    public async Task Post_Sha1Imprint_RejectsWithBadAlg()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var request = Rfc3161TimestampRequest.CreateFromHash(
            RandomNumberGenerator.GetBytes(20), HashAlgorithmName.SHA1, requestSignerCertificates: true);

        var reply = Decode(await PostAsync(server.Address, request.Encode()));

        Assert.Equal(TimestampStatus.Rejection, reply.Status);
        Assert.Equal(TimestampFailureInfo.BadAlg, reply.FailureInfo);
        Assert.Null(reply.Token);
    }

    [Fact]
    public async Task Post_Sha512Imprint_RejectsWithBadAlg()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var request = Rfc3161TimestampRequest.CreateFromHash(SHA512.HashData("data"u8), HashAlgorithmName.SHA512);

        var reply = Decode(await PostAsync(server.Address, request.Encode()));

        Assert.Equal(TimestampStatus.Rejection, reply.Status);
        Assert.Equal(TimestampFailureInfo.BadAlg, reply.FailureInfo);
    }

    [Fact]
    public async Task Post_NotATimeStampReq_RejectsWithBadDataFormat()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();

        var reply = Decode(await PostAsync(server.Address, "stamp this, please"u8.ToArray()));

        Assert.Equal(TimestampStatus.Rejection, reply.Status);
        Assert.Equal(TimestampFailureInfo.BadDataFormat, reply.FailureInfo);
        Assert.Equal("the request is not a DER TimeStampReq", reply.StatusText);
    }

    [Fact]
    public async Task Post_EveryTruncationOfAQuery_IsAnsweredWithARejection()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var query = TimestampQuery.Create(Data).Encoded;

        for (var length = 0; length < query.Length; length++)
        {
            var reply = Decode(await PostAsync(server.Address, query[..length]));

            Assert.Equal(TimestampStatus.Rejection, reply.Status);
            Assert.Equal(TimestampFailureInfo.BadDataFormat, reply.FailureInfo);
        }
    }

    [Fact]
    public async Task Post_OtherPolicyRequested_RejectsWithUnacceptedPolicy()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var request = Rfc3161TimestampRequest.CreateFromHash(Data, HashAlgorithmName.SHA256, new Oid("2.25.99"));

        var reply = Decode(await PostAsync(server.Address, request.Encode()));

        Assert.Equal(TimestampStatus.Rejection, reply.Status);
        Assert.Equal(TimestampFailureInfo.UnacceptedPolicy, reply.FailureInfo);
    }

    [Fact]
    public async Task Post_ConfiguredPolicyRequested_GrantsUnderIt()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync(policy: "2.25.42");
        var request = Rfc3161TimestampRequest.CreateFromHash(Data, HashAlgorithmName.SHA256, new Oid("2.25.42"));

        var reply = Decode(await PostAsync(server.Address, request.Encode()));

        Assert.Equal(TimestampStatus.Granted, reply.Status);
        Assert.Equal("2.25.42", Info(reply.Token!).PolicyId.Value);
    }

    [Fact]
    public async Task Post_QueryWithExtension_RejectsWithUnacceptedExtension()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var extensions = new System.Security.Cryptography.X509Certificates.X509ExtensionCollection
        {
            new System.Security.Cryptography.X509Certificates.X509Extension("2.25.5", [0x05, 0x00], false),
        };
        var request = Rfc3161TimestampRequest.CreateFromHash(
            Data, HashAlgorithmName.SHA256, extensions: extensions);

        var reply = Decode(await PostAsync(server.Address, request.Encode()));

        Assert.Equal(TimestampStatus.Rejection, reply.Status);
        Assert.Equal(TimestampFailureInfo.UnacceptedExtension, reply.FailureInfo);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task Post_CertificateRequestedOrNot_TokenCarriesCertificateOnlyWhenAsked(bool certReq, int expected)
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        var request = Rfc3161TimestampRequest.CreateFromHash(
            Data, HashAlgorithmName.SHA256, requestSignerCertificates: certReq);

        var reply = Decode(await PostAsync(server.Address, request.Encode()));

        var cms = new SignedCms();
        cms.Decode(reply.Token!);
        Assert.Equal(expected, cms.Certificates.Count);
        if (certReq)
        {
            Assert.Equal(bed.Tsa.RawData, cms.Certificates[0].RawData);
        }
    }

    [Fact]
    public async Task Post_ManyQueries_SerialNumbersAreUnique()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => PostAsync(server.Address, TimestampQuery.Create(Data).Encoded)));

        var serials = replies.Select(r => new BigInteger(Info(Decode(r).Token!).GetSerialNumber().Span,
            isUnsigned: true, isBigEndian: true)).ToArray();
        Assert.Equal(20, serials.Distinct().Count());
        Assert.All(serials, serial => Assert.True(serial > BigInteger.Zero));
    }

    [Fact]
    public async Task Post_OtherMediaType_Answers415()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        using var http = new HttpClient();
        using var content = new ByteArrayContent(TimestampQuery.Create(Data).Encoded);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await http.PostAsync(server.Address, content).WaitAsync(Errors.Timeout);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Get_AnyPath_Answers405()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Address, "/tsa")).WaitAsync(Errors.Timeout);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Answers413()
    {
        await using var bed = new TimestampingBed();
        var server = await bed.StartAuthorityAsync();

        using var response = await SendAsync(server.Address, new byte[TimestampAuthorityServer.MaxQueryBytes + 1]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_Address_IsLoopback()
    {
        await using var bed = new TimestampingBed();

        var server = await bed.StartAuthorityAsync();

        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(server.Address.Host)), server.Address.ToString());
        Assert.Equal("http", server.Address.Scheme);
    }

    [Fact]
    public async Task StartAsync_CertificateWithoutTimestampingPurpose_Throws()
    {
        await using var bed = new TimestampingBed();
        var signing = CertificateFactory.CreateSigning(bed.Pki.Read("ca"), "CN=Not a TSA",
            bed.Time.GetUtcNow().AddDays(-1), bed.Time.GetUtcNow().AddDays(1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bed.StartAuthorityAsync(signing));

        Assert.Contains("cannot sign time-stamps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PolicyNotAnOid_Throws()
    {
        await using var bed = new TimestampingBed();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bed.StartAuthorityAsync(policy: "policy one"));

        Assert.Equal("policy", error.ParamName);
    }

    [Fact]
    public void DefaultPolicy_IsUnderTheUuidArc()
    {
        Assert.StartsWith("2.25.", TimestampAuthorityServer.DefaultPolicy, StringComparison.Ordinal);
        Assert.True(BigInteger.TryParse(TimestampAuthorityServer.DefaultPolicy[5..], out var uuid));
        Assert.True(uuid < BigInteger.One << 128);
    }

    internal static async Task<byte[]> PostAsync(Uri address, byte[] query)
    {
        using var response = await SendAsync(address, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/timestamp-reply", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync().WaitAsync(Errors.Timeout);
    }

    private static async Task<HttpResponseMessage> SendAsync(Uri address, byte[] query)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(query);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        return await http.PostAsync(address, content).WaitAsync(Errors.Timeout);
    }

    private static TimestampReply Decode(byte[] encoded)
    {
        Assert.True(TimestampReply.TryDecode(encoded, out var reply, out var failure), failure);
        return reply;
    }

    private static Rfc3161TimestampTokenInfo Info(byte[] token)
    {
        var cms = new SignedCms();
        cms.Decode(token);
        Assert.True(Rfc3161TimestampTokenInfo.TryDecode(cms.ContentInfo.Content, out var info, out _));
        return info;
    }
}
