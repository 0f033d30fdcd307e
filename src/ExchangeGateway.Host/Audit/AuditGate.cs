using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Configuration;
using ExchangeGateway.Host.Faults;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Audit;

/// <summary>
/// The audit endpoint's one edge: authenticates and authorises every call, maps failures to the rich status, and
/// logs who called what with which outcome.
/// </summary>
/// <remarks>
/// Stages: (1) find the API key in <c>authorization</c>, else UNAUTHENTICATED <c>API_KEY_INVALID</c>; (2) check
/// that the key's role allows the method, else PERMISSION_DENIED <c>ROLE_DENIED</c>; (3) run the method, turning an
/// unreadable message log into UNAVAILABLE <c>LOG_UNAVAILABLE</c> and any other failure into INTERNAL
/// <c>AUDIT_FAILED</c>; (4) log the call and its outcome. Neither the
/// key nor a subject identifier is ever logged.
/// </remarks>
internal sealed class AuditGate(AuditKeys keys, AuditFaults faults, TimeProvider time, ILogger<AuditGate> logger)
    : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var response = default(TResponse)!;
        await RunAsync(request, context, async () => response = await continuation(request, context)
            .ConfigureAwait(false)).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return RunAsync(request, context, () => continuation(request, responseStream, context));
    }

    private async Task RunAsync(object request, ServerCallContext context, Func<Task> call)
    {
        var method = context.Method[(context.Method.LastIndexOf('/') + 1)..];

        // (1) Who is calling.
        var key = keys.Find(context.RequestHeaders.GetValue("authorization"));
        if (key is null)
        {
            var refusal = faults.Raise(StatusCode.Unauthenticated, Reasons.ApiKeyInvalid,
                "send a valid audit API key as 'authorization: Bearer KEY'");
            Log.AuditRefused(logger, method, context.Peer, Outcome(refusal));
            throw refusal;
        }

        var what = AuditRequests.Describe(request);
        var role = AuditSettingsCheck.NameOf(key.Role);
        var started = time.GetTimestamp();
        try
        {
            // (2) May they call this method.
            if (!AuditKeys.Allows(key.Role, method))
            {
                throw faults.Raise(StatusCode.PermissionDenied, Reasons.RoleDenied,
                    $"the role {role} may not call {method}");
            }

            // (3) The method itself.
            await MapFailures(call).ConfigureAwait(false);
            Log.AuditCall(logger, key.Name, role, method, what, "OK", time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (RpcException ex)
        {
            // (4) Every outcome is logged, a refusal as much as a success.
            Log.AuditCall(logger, key.Name, role, method, what, Outcome(ex),
                time.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            Log.AuditCall(logger, key.Name, role, method, what, StatusNames.Of(StatusCode.Cancelled),
                time.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private async Task MapFailures(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (MessageLogException ex)
        {
            // The detail (a file name, an SQLite error) stays in this gateway's log.
            Log.AuditLogUnreadable(logger, ex.Message);
            throw faults.Raise(StatusCode.Unavailable, Reasons.LogUnavailable, "the message log could not be read");
        }
        catch (Exception ex) when (ex is not RpcException and not OperationCanceledException)
        {
            // A fault of this gateway, not of the caller: the caller gets a reason, the log gets the exception.
            Log.AuditFailed(logger, ex);
            throw faults.Raise(StatusCode.Internal, Reasons.AuditFailed, "the audit call failed in the gateway");
        }
    }

    private static string Outcome(RpcException ex)
    {
        var reason = ex.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason;
        return reason is null ? StatusNames.Of(ex.StatusCode) : $"{StatusNames.Of(ex.StatusCode)} {reason}";
    }
}
