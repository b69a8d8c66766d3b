using System.Globalization;

using LiteAspire.Proxy.Errors;

namespace LiteAspire.Proxy.Limits;

/// <summary>
/// LiteLLM's 429 from the v3 limiter: the message names the descriptor and the limit, and the response carries
/// <c>retry-after</c>, <c>rate_limit_type</c> and <c>reset_at</c>.
/// </summary>
public sealed class RateLimitExceededException : GatewayException
{
    /// <summary>Creates the refusal of a request by <paramref name="descriptor"/>'s <paramref name="type"/> limit.</summary>
    /// <param name="descriptor">The descriptor whose limit was reached.</param>
    /// <param name="type">Which of its limits.</param>
    /// <param name="resetsAt">When the limit frees up: the window's end, or for parallel requests the suggested retry time.</param>
    /// <param name="now">The time of the refusal.</param>
    public RateLimitExceededException(RateLimitDescriptor descriptor, RateLimitType type, DateTimeOffset resetsAt, DateTimeOffset now)
        : base(StatusCodes.Status429TooManyRequests, FormatMessage(descriptor, type, resetsAt))
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Descriptor = descriptor;
        LimitType = type;
        ResetsAt = resetsAt;
        RetryAfterSeconds = (long)Math.Max(1, Math.Ceiling((resetsAt - now).TotalSeconds));
    }

    /// <summary>For analyzers; the limiter uses the other constructor.</summary>
    public RateLimitExceededException() : this("Rate limit exceeded.") { }

    /// <summary>For analyzers; the limiter uses the other constructor.</summary>
    public RateLimitExceededException(string message) : this(message, null) { }

    /// <summary>For analyzers; the limiter uses the other constructor.</summary>
    public RateLimitExceededException(string message, Exception? innerException)
        : base(StatusCodes.Status429TooManyRequests, message, null, null, innerException)
    {
        Descriptor = new RateLimitDescriptor(string.Empty, string.Empty, null, null, null);
        RetryAfterSeconds = (long)RateLimitOptions.DefaultWindow.TotalSeconds;
    }

    /// <summary>The descriptor whose limit was reached.</summary>
    public RateLimitDescriptor Descriptor { get; }

    /// <summary>Which limit was reached.</summary>
    public RateLimitType LimitType { get; }

    /// <summary>When the limit frees up.</summary>
    public DateTimeOffset ResetsAt { get; }

    /// <summary>The <c>retry-after</c> value: whole seconds until <see cref="ResetsAt"/>, at least 1.</summary>
    public long RetryAfterSeconds { get; }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string>> ResponseHeaders =>
    [
        new("retry-after", RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)),
        new("rate_limit_type", LimitType.ToWireName()),
        new("reset_at", FormatTime(ResetsAt)),
    ];

    /// <summary>
    /// The refusal by a limit of a window starting at <paramref name="windowStartMs"/>: rpm and tpm free up when the window
    /// ends; a parallel slot whenever a call ends, so retrying after a second beats waiting out a window (LiteLLM says the window there too).
    /// </summary>
    internal static RateLimitExceededException Create(RateLimitDescriptor descriptor, RateLimitType type, long windowStartMs, long windowMs, DateTimeOffset now) =>
        new(descriptor, type,
            type == RateLimitType.MaxParallelRequests ? now.AddSeconds(1) : DateTimeOffset.FromUnixTimeMilliseconds(windowStartMs + windowMs),
            now);

    private static string FormatMessage(RateLimitDescriptor descriptor, RateLimitType type, DateTimeOffset resetsAt)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var limit = type switch
        {
            RateLimitType.Requests => descriptor.RpmLimit,
            RateLimitType.Tokens => descriptor.TpmLimit,
            _ => descriptor.MaxParallelRequests,
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Rate limit exceeded for {descriptor.Kind}: {descriptor.Value}. Limit type: {type.ToWireName()}. Current limit: {limit}, Remaining: 0. Limit resets at: {FormatTime(resetsAt)}");
    }

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
