using System.Text.Json;

using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Limits;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiteAspire.Proxy.Tests.Limits;

public class RateLimitErrorResponseTests
{
    [Fact]
    public async Task ErrorFilter_RateLimitExceeded_429WithLiteLLMBodyAndHeaders()
    {
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 30, TimeSpan.Zero);
        var descriptor = new RateLimitDescriptor(RateLimitKinds.ApiKey, "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b", 5, null, null);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        var filter = new GatewayErrorFilter(NullLogger<GatewayErrorFilter>.Instance);

        var result = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(context),
            _ => throw new RateLimitExceededException(descriptor, RateLimitType.Requests, now.AddSeconds(30), now));
        await ((IResult)result!).ExecuteAsync(context);

        Assert.Equal(429, context.Response.StatusCode);
        Assert.Equal("30", context.Response.Headers["retry-after"]);
        Assert.Equal("requests", context.Response.Headers["rate_limit_type"]);
        Assert.Equal("2025-06-01 12:01:00 UTC", context.Response.Headers["reset_at"]);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(
            $"Rate limit exceeded for api_key: {descriptor.Value}. Limit type: requests. Current limit: 5, Remaining: 0. Limit resets at: 2025-06-01 12:01:00 UTC",
            error.GetProperty("message").GetString());
        Assert.Equal("rate_limit_error", error.GetProperty("type").GetString());
        Assert.Equal("429", error.GetProperty("code").GetString());
    }
}
