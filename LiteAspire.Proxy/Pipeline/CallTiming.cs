using System.Diagnostics;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>Per-request call id and clock, started when the request enters an LLM route, read by the response headers.</summary>
public static class CallTiming
{
    private const string StartKey = "litellm.start";
    private const string CallIdKey = "litellm.call_id";

    /// <summary>Starts the clock and assigns the call id (<c>x-litellm-call-id</c>).</summary>
    public static void Start(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[StartKey] = Stopwatch.GetTimestamp();
        context.Items[CallIdKey] = CallIds.New();
    }

    /// <summary>The call id of this request.</summary>
    public static string CallId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[CallIdKey] is string id)
        {
            return id;
        }

        Start(context);
        return (string)context.Items[CallIdKey]!;
    }

    /// <summary>Milliseconds since <see cref="Start"/>.</summary>
    public static double ElapsedMs(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[StartKey] is long start ? Stopwatch.GetElapsedTime(start).TotalMilliseconds : 0;
    }
}
