using System.Globalization;

using Microsoft.AspNetCore.Http;

namespace LiteAspire.FakeProvider.Faults;

/// <summary>What one request asked for through <c>x-fake-*</c> headers, over the global options.</summary>
internal readonly record struct FaultPlan(
    int LatencyMs,
    int TtftMs,
    int ChunkDelayMs,
    int? Status,
    string? ErrorBody,
    bool Timeout,
    int? BreakStreamAfter)
{
    public const string LatencyHeader = "x-fake-latency-ms";
    public const string TtftHeader = "x-fake-ttft-ms";
    public const string ChunkDelayHeader = "x-fake-chunk-delay-ms";
    public const string StatusHeader = "x-fake-status";
    public const string ErrorBodyHeader = "x-fake-error-body";
    public const string TimeoutHeader = "x-fake-timeout";
    public const string BreakStreamHeader = "x-fake-break-stream-after";

    /// <summary>Headers win over options; a header that does not parse is ignored rather than failing the request.</summary>
    public static FaultPlan From(HttpRequest request, FakeRuntime runtime)
    {
        var options = runtime.Options;
        var headers = request.Headers;
        int? status = Int(headers, StatusHeader);
        if (status is null && runtime.DrawFault())
        {
            status = options.ErrorStatus;
        }

        var errorBody = headers[ErrorBodyHeader].ToString();
        return new FaultPlan(
            Int(headers, LatencyHeader) ?? options.LatencyMs,
            Int(headers, TtftHeader) ?? options.TtftMs,
            Int(headers, ChunkDelayHeader) ?? options.ChunkDelayMs,
            status,
            errorBody.Length == 0 ? null : errorBody,
            string.Equals(headers[TimeoutHeader].ToString(), "true", StringComparison.OrdinalIgnoreCase),
            Int(headers, BreakStreamHeader));
    }

    private static int? Int(IHeaderDictionary headers, string name)
    {
        if (!headers.TryGetValue(name, out var value))
        {
            return null;
        }

        return int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0 ? number : null;
    }
}
