using System.Collections.Concurrent;
using System.Net.Http.Headers;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Core.Timestamping;
using ExchangeGateway.Host.Federation;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ExchangeGateway.Host.Timestamping;

/// <summary>
/// Obtains RFC 3161 tokens over HTTP (section 3.4) from the time-stamping authorities of the federation
/// configuration in force, trying them in the order listed.
/// </summary>
/// <remarks>
/// Stages of <see cref="StampAsync"/>: (1) read the authorities from the current configuration; (2) for each in
/// turn, run its resilience pipeline (retry with backoff, circuit breaker, timeout per try) around one request:
/// POST a fresh <see cref="TimestampQuery"/> and check the reply with <see cref="TimestampQuery.ProcessReply"/>;
/// (3) return the first checked token, or fall back to the next authority; (4) when none gave one, throw
/// <see cref="TimestampingException"/> naming each authority's failure. Pipelines are built once per authority
/// name and address and kept, so a breaker's state outlives a configuration reload.
/// </remarks>
public sealed class TimestampClient : ITimestamper
{
    private const string QueryType = "application/timestamp-query";
    private const string ReplyType = "application/timestamp-reply";

    private readonly HttpClient _http;
    private readonly Func<FederationConfiguration?> _federation;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimestampClientOptions _options;
    private readonly RepeatedFailures _failing;
    private readonly ConcurrentDictionary<(string Name, Uri Url), ResiliencePipeline<TimestampCheck>> _pipelines =
        new();

    /// <summary>Creates a client.</summary>
    /// <param name="http">Sends the requests; its own <see cref="HttpClient.Timeout"/> should exceed
    /// <see cref="TimestampClientOptions.AttemptTimeout"/>. Not disposed by the client.</param>
    /// <param name="federation">Gives the configuration in force, or null when none is loaded.</param>
    /// <param name="time">The clock for timeouts, backoff and the breakers.</param>
    /// <param name="logger">Where failures of authorities are logged.</param>
    /// <param name="options">Timeouts, retries and breakers; <see cref="TimestampClientOptions"/> defaults when
    /// null.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are out of range.
    /// </exception>
    public TimestampClient(
        HttpClient http,
        Func<FederationConfiguration?> federation,
        TimeProvider time,
        ILogger<TimestampClient> logger,
        TimestampClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(federation);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _http = http;
        _federation = federation;
        _time = time;
        _logger = logger;
        _options = options ?? new TimestampClientOptions();

        // An authority that is down fails every try (a round's, or its breaker's after each break): said at the
        // first, then once a minute at most, and once when it answers again.
        _failing = new RepeatedFailures(time,
            (authority, detail) => TimestampingLog.AuthorityFailed(logger, authority, detail),
            (authority, failing, detail) =>
                TimestampingLog.AuthorityStillFailing(logger, authority, failing.Since, failing.Count, detail),
            (authority, failing) => TimestampingLog.AuthorityAnswered(logger, authority, failing.Count, failing.Since));

        // Bad options fail here, when the client is made, rather than on the first stamp.
        _ = BuildPipeline("validation");
    }

    /// <summary>Creates a client that reads the authorities from a gateway's <see cref="FederationState"/>.</summary>
    public TimestampClient(
        HttpClient http,
        FederationState federation,
        TimeProvider time,
        ILogger<TimestampClient> logger,
        TimestampClientOptions? options = null)
        : this(http, () => federation.Current, time, logger, options)
    {
        ArgumentNullException.ThrowIfNull(federation);
    }

    /// <inheritdoc />
    public async Task<TimestampToken> StampAsync(byte[] sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);

        // (1) The authorities of the configuration in force; every reply is checked against that same snapshot.
        var federation = _federation()
            ?? throw new TimestampingException("no federation configuration is loaded");
        if (federation.TimestampingAuthorities.Count == 0)
        {
            throw new TimestampingException("the federation configuration lists no time-stamping authority");
        }

        // (2) and (3) Each authority in turn, through its own pipeline.
        var failures = new List<string>();
        foreach (var authority in federation.TimestampingAuthorities)
        {
            var failure = await TryAuthorityAsync(authority, sha256, federation, cancellationToken)
                .ConfigureAwait(false);
            var party = Party(authority.Name, authority.Url);
            if (failure.Token is not null)
            {
                _failing.Succeeded(party);
                return failure.Token;
            }

            // An open circuit was said when it opened; each round it skips would only repeat that.
            if (!failure.Skipped)
            {
                _failing.Failed(party, failure.Reason!);
            }

            failures.Add($"{authority.Name}: {failure.Reason}");
        }

        // (4) None gave a valid token.
        throw new TimestampingException(
            $"no time-stamping authority gave a valid token: {string.Join("; ", failures)}");
    }

    private async Task<(TimestampToken? Token, string? Reason, bool Skipped)> TryAuthorityAsync(
        FederationTimestampingAuthority authority,
        byte[] sha256,
        FederationConfiguration federation,
        CancellationToken cancellationToken)
    {
        var pipeline = _pipelines.GetOrAdd(
            (authority.Name, authority.Url), key => BuildPipeline(Party(key.Name, key.Url)));
        try
        {
            var check = await pipeline.ExecuteAsync(
                    token => RequestAsync(authority.Url, sha256, federation, token), cancellationToken)
                .ConfigureAwait(false);
            return check.IsValid
                ? (check.Token, null, false)
                : (null, $"token refused, {check.FailedCheck} check: {check.Failure}", false);
        }
        catch (BrokenCircuitException)
        {
            return (null, "circuit open after repeated failures; skipped", true);
        }
        catch (TimeoutRejectedException)
        {
            return (null, $"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s", false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return (null, ex.Message, false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"request cancelled by the HTTP client: {ex.Message}", false);
        }
    }

    /// <summary>One try: a fresh nonce, one POST, the reply checked. Transport failures throw, for Polly.</summary>
    private async ValueTask<TimestampCheck> RequestAsync(
        Uri url, byte[] sha256, FederationConfiguration federation, CancellationToken cancellationToken)
    {
        var query = TimestampQuery.Create(sha256);
        using var content = new ByteArrayContent(query.Encoded);
        content.Headers.ContentType = new MediaTypeHeaderValue(QueryType);
        using var response = await _http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        var type = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(type, ReplyType, StringComparison.OrdinalIgnoreCase))
        {
            return TimestampCheck.Invalid(TimestampFailure.Malformed, $"the reply is '{type}', not {ReplyType}");
        }

        var reply = await ReadReplyAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return reply is null
            ? TimestampCheck.Invalid(TimestampFailure.Malformed, $"the reply exceeds {_options.MaxReplyBytes} bytes")
            : query.ProcessReply(reply, federation);
    }

    private async Task<byte[]?> ReadReplyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > _options.MaxReplyBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _options.MaxReplyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>An authority as the log names it: its name and address.</summary>
    private static string Party(string name, Uri url) => $"{name} ({url})";

    private ResiliencePipeline<TimestampCheck> BuildPipeline(string authority)
    {
        var builder = new ResiliencePipelineBuilder<TimestampCheck>
        {
            Name = $"timestamping-authority-{authority}",
            TimeProvider = _time,
        };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new Polly.Retry.RetryStrategyOptions<TimestampCheck>
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }

        // Open from the first opening until the circuit closes: a try after a break that fails opens it again, every
        // break while the authority is down, and that is not news (the stamper says how long stamping has failed).
        var open = 0;
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<TimestampCheck>
            {
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                OnOpened = args =>
                {
                    if (Interlocked.Exchange(ref open, 1) == 0)
                    {
                        // The round that opened it may end skipped, its own failures unsaid: say the cause here.
                        var cause = args.Outcome.Exception?.Message ?? args.Outcome.Result?.Failure ?? "unknown";
                        TimestampingLog.CircuitOpened(_logger, authority, cause, args.BreakDuration.TotalSeconds);
                    }

                    return default;
                },
                OnClosed = _ =>
                {
                    Interlocked.Exchange(ref open, 0);
                    TimestampingLog.CircuitClosed(_logger, authority);
                    return default;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();
    }

    /// <summary>Worth another try at the same authority: nothing usable came back.</summary>
    private static bool IsTransient(Outcome<TimestampCheck> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException => true,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500,
        IOException => true,
        _ => false,
    };

    /// <summary>Counts against the authority's breaker: any failure, a refused token included.</summary>
    private static bool IsFailure(Outcome<TimestampCheck> outcome) =>
        outcome.Exception is TimeoutRejectedException or HttpRequestException or IOException
        || outcome.Result is { IsValid: false };
}
