using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LiteAspire.FakeProvider.Faults;

/// <summary>The rate-limit headers OpenAI and Anthropic send on every answer, with fixed values, so a proxy's pass-through can be tested.</summary>
internal static class RateLimitHeaders
{
    private static readonly StringValues RequestLimit = "10000";
    private static readonly StringValues RequestsRemaining = "9999";
    private static readonly StringValues TokenLimit = "1000000";
    private static readonly StringValues TokensRemaining = "999000";
    private static readonly StringValues OpenAIReset = "6ms";
    private static readonly StringValues AnthropicReset = "2030-01-01T00:00:00Z";

    public static void Add(HttpResponse response, FakeWire wire)
    {
        var headers = response.Headers;
        switch (wire)
        {
            case FakeWire.OpenAI or FakeWire.Azure:
                headers["x-ratelimit-limit-requests"] = RequestLimit;
                headers["x-ratelimit-remaining-requests"] = RequestsRemaining;
                headers["x-ratelimit-limit-tokens"] = TokenLimit;
                headers["x-ratelimit-remaining-tokens"] = TokensRemaining;
                headers["x-ratelimit-reset-requests"] = OpenAIReset;
                break;
            case FakeWire.Anthropic:
                headers["anthropic-ratelimit-requests-limit"] = RequestLimit;
                headers["anthropic-ratelimit-requests-remaining"] = RequestsRemaining;
                headers["anthropic-ratelimit-requests-reset"] = AnthropicReset;
                headers["anthropic-ratelimit-tokens-limit"] = TokenLimit;
                headers["anthropic-ratelimit-tokens-remaining"] = TokensRemaining;
                break;
        }
    }
}
