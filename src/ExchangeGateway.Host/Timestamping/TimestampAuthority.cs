using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Timestamping;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cmp;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using BcAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using BcAttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;
using BcCmsAttributes = Org.BouncyCastle.Asn1.Cms.CmsAttributes;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using BcTime = Org.BouncyCastle.Asn1.Cms.Time;

namespace ExchangeGateway.Host.Timestamping;

/// <summary>
/// The RFC 3161 logic of the product's time-stamping authority, on BouncyCastle's TSP: a DER TimeStampReq in, a
/// DER TimeStampResp out. SHA-256 imprints only; the nonce is echoed; the certificate is included when asked for.
/// </summary>
/// <remarks>
/// Serial numbers are 128 bits: 64 random bits drawn when the authority starts, then a counter, so they are unique
/// within a run and, with overwhelming probability, across runs (RFC 3161 section 2.4.2).
/// </remarks>
internal sealed class TimestampAuthority
{
    private static readonly IList<string> Sha256Only = [TspAlgorithms.Sha256];
    private static readonly IList<string> NoExtensions = [];

    private readonly BcCertificate _certificate;
    private readonly AsymmetricKeyParameter _key;
    private readonly string _signatureAlgorithm;
    private readonly IList<string> _policies;
    private readonly TimeProvider _time;
    private readonly byte[] _serialPrefix = RandomNumberGenerator.GetBytes(8);
    private long _issued;

    public TimestampAuthority(X509Certificate2 certificate, string policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(policy);
        if (!DerObjectIdentifier.TryFromID(policy, out var policyOid))
        {
            throw new ArgumentException($"'{policy}' is not an object identifier", nameof(policy));
        }

        _certificate = new BcCertificate(certificate.RawData);
        (_key, _signatureAlgorithm) = PrivateKey(certificate);
        Policy = policyOid;
        _policies = [Policy.Id];
        _time = time;
        try
        {
            // BouncyCastle checks for the sole, critical time-stamping purpose (RFC 3161 section 2.3).
            _ = TokenGenerator(DateTime.UnixEpoch);
        }
        catch (TspValidationException ex)
        {
            throw new ArgumentException(
                $"certificate '{certificate.Subject}' cannot sign time-stamps: {ex.Message}", nameof(certificate), ex);
        }
    }

    /// <summary>The policy the authority issues tokens under (TSTInfo policy).</summary>
    public DerObjectIdentifier Policy { get; }

    /// <summary>Answers one request; never throws for a bad request.</summary>
    public TimestampAnswer Answer(byte[] query)
    {
        TimeStampRequest request;
        try
        {
            request = new TimeStampRequest(query);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidCastException
            or InvalidOperationException)
        {
            return Refuse(PkiFailureInfo.BadDataFormat, "the request is not a DER TimeStampReq", ex.Message);
        }

        var genTime = _time.GetUtcNow().UtcDateTime;
        var serial = NextSerial();
        try
        {
            var generator = new TimeStampResponseGenerator(
                TokenGenerator(genTime), Sha256Only, _policies, NoExtensions);
            var response = generator.Generate(request, serial, genTime);
            var status = (TimestampStatus)response.Status;
            var detail = status == TimestampStatus.Granted
                ? $"serial {serial.ToString(16)}, imprint {Convert.ToHexStringLower(request.GetMessageImprintDigest())}"
                : response.GetStatusString() ?? "";
            return new TimestampAnswer(Der(response), status, detail);
        }
        catch (TspException ex)
        {
            return Refuse(PkiFailureInfo.SystemFailure, "the authority could not sign", ex.Message);
        }
    }

    /// <summary>A rejection: <paramref name="reason"/> goes to the requester, the cause only to our log.</summary>
    private static TimestampAnswer Refuse(int failureInfo, string reason, string cause)
    {
        var response = new TimeStampResponseGenerator(null, Sha256Only)
            .GenerateFailResponse(PkiStatus.Rejection, failureInfo, reason);
        return new TimestampAnswer(Der(response), TimestampStatus.Rejection, $"{reason}: {cause}");
    }

    private TimeStampTokenGenerator TokenGenerator(DateTime genTime)
    {
        // The signing-time attribute carries the token's own time, not the machine's clock.
        var signedAttributes = new Dictionary<DerObjectIdentifier, object>
        {
            [BcCmsAttributes.SigningTime] =
                new BcAttribute(BcCmsAttributes.SigningTime, new DerSet(new BcTime(genTime))),
        };
        var signerInfo = new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(
                new DefaultSignedAttributeTableGenerator(new BcAttributeTable(signedAttributes)))
            .Build(new Asn1SignatureFactory(_signatureAlgorithm, _key), _certificate);

        // ESSCertIDv2 over SHA-256 with issuer and serial (RFC 5816).
        var generator = new TimeStampTokenGenerator(
            signerInfo, Asn1DigestFactory.Get(NistObjectIdentifiers.IdSha256), Policy, isIssuerSerialIncluded: true)
        {
            Resolution = Resolution.R_MILLISECONDS,
        };
        generator.SetCertificates(CollectionUtilities.CreateStore([_certificate]));
        return generator;
    }

    private BigInteger NextSerial()
    {
        var counter = Interlocked.Increment(ref _issued);
        var bytes = new byte[16];
        _serialPrefix.CopyTo(bytes, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8), counter);
        return new BigInteger(1, bytes);
    }

    private static byte[] Der(TimeStampResponse response) =>
        Asn1Object.FromByteArray(response.GetEncoded()).GetDerEncoded();

    private static (AsymmetricKeyParameter Key, string Algorithm) PrivateKey(X509Certificate2 certificate)
    {
        using var ec = certificate.GetECDsaPrivateKey();
        if (ec is not null)
        {
            return (PrivateKeyFactory.CreateKey(ec.ExportPkcs8PrivateKey()), "SHA256WITHECDSA");
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is not null)
        {
            return (PrivateKeyFactory.CreateKey(rsa.ExportPkcs8PrivateKey()), "SHA256WITHRSA");
        }

        throw new ArgumentException("the certificate carries no ECDSA or RSA private key", nameof(certificate));
    }
}
