using System.Net;
using ExchangeGateway.Core.Identifiers;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Evidence;
using ExchangeGateway.Host.Faults;
using ExchangeGateway.Host.Headers;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace ExchangeGateway.Host.Consumer;

/// <summary>
/// Admits an agency system's call: the request is a unary gRPC call, the identities in its metadata parse, the
/// client subsystem is this member's, and the connection proves it is that subsystem.
/// </summary>
internal sealed class ClientAdmission(GatewayOptions options, ServiceCatalog catalog, TimeProvider time)
{
    /// <summary>The longest value of an <c>xroad-</c> header accepted, in characters.</summary>
    public const int MaxFieldLength = 1024;

    /// <summary>The identities as sent, for logging a refusal before they are known to be good.</summary>
    public static CallIdentity Claimed(HttpContext context, string messageId)
    {
        var path = context.Request.Path.Value ?? "";
        var method = MethodPath.TryParse(path, out var parsed, out _) ? parsed.Method
            : path.Length > MaxFieldLength ? path[..MaxFieldLength] : path;
        return new CallIdentity(
            messageId,
            Header(context, XRoadHeaders.Client),
            Header(context, XRoadHeaders.Service),
            method,
            Header(context, XRoadHeaders.UserId),
            Header(context, XRoadHeaders.Issue),
            Header(context, XRoadHeaders.Subject));
    }

    /// <summary>The message id sent, or a new one; a fault when the one sent is malformed.</summary>
    public static (string MessageId, GatewayFault? Fault) MessageId(HttpContext context)
    {
        var sent = context.Request.Headers[XRoadHeaders.MessageId].ToString();
        if (sent.Length == 0)
        {
            return (Guid.CreateVersion7().ToString(), null);
        }

        var error = IdentifierPart.Check("message id", sent);
        return error is null
            ? (sent, null)
            : (Guid.CreateVersion7().ToString(), new GatewayFault(StatusCode.InvalidArgument, Reasons.BadIdentifier,
                $"{XRoadHeaders.MessageId}: {error}"));
    }

    public (ClientRequest? Request, GatewayFault? Fault) Admit(HttpContext context, CallIdentity claimed)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("application/grpc",
                StringComparison.OrdinalIgnoreCase) != true)
        {
            return Refuse(
                StatusCode.InvalidArgument, Reasons.BadRequest, "expected a gRPC call: POST, application/grpc");
        }

        if (!MethodPath.TryParse(request.Path.Value, out var method, out var pathError))
        {
            return Refuse(StatusCode.InvalidArgument, Reasons.BadIdentifier, $"path: {pathError}");
        }

        // A header left out is said as such: "subsystem: is empty" would send a caller to look at a value it never
        // set.
        var clientText = request.Headers[XRoadHeaders.Client].ToString();
        var serviceText = request.Headers[XRoadHeaders.Service].ToString();
        if (clientText.Length == 0 || serviceText.Length == 0)
        {
            return Refuse(StatusCode.InvalidArgument, Reasons.BadIdentifier, clientText.Length == 0
                ? $"{XRoadHeaders.Client} is missing: name the calling subsystem, INSTANCE/CLASS/CODE/SUBSYSTEM"
                : $"{XRoadHeaders.Service} is missing: name the service, " +
                    "INSTANCE/CLASS/CODE/SUBSYSTEM:package.Service, or its subsystem");
        }

        if (!SubsystemId.TryParse(clientText, out var client, out var clientError))
        {
            return Refuse(StatusCode.InvalidArgument, Reasons.BadIdentifier, $"{XRoadHeaders.Client}: {clientError}");
        }

        var service = ParseService(serviceText, method, out var serviceFault);
        if (service is null)
        {
            return (null, serviceFault);
        }

        // Kept whole in both logs and the envelope, so refused rather than cut short.
        foreach (var key in (ReadOnlySpan<string>)[XRoadHeaders.UserId, XRoadHeaders.Issue])
        {
            if (request.Headers[key].ToString().Length > MaxFieldLength)
            {
                return Refuse(StatusCode.InvalidArgument, Reasons.BadRequest,
                    $"{key} is longer than {MaxFieldLength} characters");
            }
        }

        var subjectFault = CheckSubject(claimed.Subject);
        if (subjectFault is not null)
        {
            return (null, subjectFault);
        }

        var deadline = Deadline(request);
        if (deadline.Fault is not null)
        {
            return (null, deadline.Fault);
        }

        var local = Authenticate(context, client, out var authFault);
        if (local is null)
        {
            return (null, authFault);
        }

        var call = claimed with { Client = client.ToString(), Service = service.ToString(), Method = method.Method };
        return (new ClientRequest(call, local, service, method, deadline.At), null);
    }

    private GatewayFault? CheckSubject(string subject)
    {
        if (subject.Length == 0)
        {
            return null;
        }

        if (options.SubjectKey is null)
        {
            return new GatewayFault(StatusCode.InvalidArgument, Reasons.BadRequest,
                $"{XRoadHeaders.Subject} is given but gateway '{options.Name}' has no subject key configured");
        }

        var problem = Core.Subjects.SubjectKey.Check(subject);
        return problem is null
            ? null
            : new GatewayFault(StatusCode.InvalidArgument, Reasons.BadRequest, $"{XRoadHeaders.Subject} {problem}");
    }

    private static (ClientRequest?, GatewayFault?) Refuse(StatusCode code, string reason, string message) =>
        (null, new GatewayFault(code, reason, message));

    private static ServiceId? ParseService(string text, MethodPath method, out GatewayFault? fault)
    {
        fault = null;

        // A bare subsystem names the service by the gRPC path, which is what ordinary stubs send anyway.
        if (!text.Contains(':', StringComparison.Ordinal) && SubsystemId.TryParse(text, out var subsystem, out _))
        {
            ServiceId.TryCreate(subsystem, method.Service, out var fromPath, out _);
            return fromPath;
        }

        if (!ServiceId.TryParse(text, out var service, out var error))
        {
            fault = new GatewayFault(
                StatusCode.InvalidArgument, Reasons.BadIdentifier, $"{XRoadHeaders.Service}: {error}");
            return null;
        }

        if (service.Name != method.Service)
        {
            fault = new GatewayFault(StatusCode.InvalidArgument, Reasons.BadIdentifier,
                $"{XRoadHeaders.Service} names service '{service.Name}' but the call's path is '{method}'");
            return null;
        }

        return service;
    }

    private (DateTime? At, GatewayFault? Fault) Deadline(HttpRequest request)
    {
        var text = request.Headers["grpc-timeout"].ToString();
        if (text.Length == 0)
        {
            return (null, null);
        }

        return GrpcTimeout.TryParse(text, out var timeout)
            ? (time.GetUtcNow().UtcDateTime + timeout, null)
            : (null, new GatewayFault(
                StatusCode.InvalidArgument, Reasons.BadRequest, $"grpc-timeout '{text}' is malformed"));
    }

    private LocalSubsystem? Authenticate(HttpContext context, SubsystemId client, out GatewayFault? fault)
    {
        fault = null;
        // The subsystems in force now: a certificate taken out of the settings file is refused from the next call.
        if (client.Member != options.Member || !catalog.Current.Subsystems.TryGetValue(client.Code, out var local))
        {
            fault = new GatewayFault(StatusCode.PermissionDenied, Reasons.UnknownClient,
                $"client {client} is not a subsystem served by gateway '{options.Name}' of {options.Member}");
            return null;
        }

        var certificate = context.Connection.ClientCertificate;
        if (certificate is not null && local.ClientCertificates.Contains(Fingerprint.Of(certificate)))
        {
            return local;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (certificate is null && !options.ClientTls && local.PlainLoopback && remote is not null
            && IPAddress.IsLoopback(remote))
        {
            return local;
        }

        fault = new GatewayFault(StatusCode.Unauthenticated, Reasons.ClientNotAuthenticated, certificate is null
            ? $"client {client} must present a client certificate registered to it"
            : $"certificate '{certificate.Subject}' is not registered to client {client}");
        return null;
    }

    private static string Header(HttpContext context, string key)
    {
        var value = context.Request.Headers[key].ToString();
        return value.Length > MaxFieldLength ? value[..MaxFieldLength] : value;
    }
}
