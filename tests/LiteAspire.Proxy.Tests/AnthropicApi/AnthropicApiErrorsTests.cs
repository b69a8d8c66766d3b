using System.Text.Json.Nodes;

using LiteAspire.Proxy.AnthropicApi;
using LiteAspire.Proxy.Providers;

using static LiteAspire.Proxy.Tests.Providers.Anthropic.AnthropicFixtures;

namespace LiteAspire.Proxy.Tests.AnthropicApi;

public class AnthropicApiErrorsTests
{
    [Theory]
    [InlineData(400, "invalid_request_error")]
    [InlineData(401, "authentication_error")]
    [InlineData(403, "permission_error")]
    [InlineData(404, "not_found_error")]
    [InlineData(413, "request_too_large")]
    [InlineData(422, "invalid_request_error")]
    [InlineData(429, "rate_limit_error")]
    [InlineData(500, "api_error")]
    [InlineData(503, "overloaded_error")]
    [InlineData(529, "overloaded_error")]
    public void Body_Status_DocumentedErrorType(int status, string type)
    {
        var body = AnthropicApiErrors.Body(status, "boom");

        AssertJsonEqual(new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = type, ["message"] = "boom" } }, body);
    }

    [Fact]
    public void Body_DocsNotFoundExample_SameShape()
    {
        var documented = Provider("error-not-found.json");
        documented.Remove("request_id");

        AssertJsonEqual(documented, AnthropicApiErrors.Body(404, "The requested resource could not be found."));
    }

    [Fact]
    public void Describe_ProviderException_UsesLiteLLMStatusAndMessage()
    {
        var (status, message) = AnthropicApiErrors.Describe(
            new ProviderException(LiteLLMErrorKind.RateLimitError, "openai", "Rate limit reached", 429), "trace");

        Assert.Equal(429, status);
        Assert.Equal("litellm.RateLimitError: OpenAIException - Rate limit reached", message);
    }

    [Fact]
    public void Describe_UnexpectedException_500WithoutInternals()
    {
        var (status, message) = AnthropicApiErrors.Describe(new InvalidOperationException("Password=hunter2"), "trace-1");

        Assert.Equal(500, status);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
        Assert.Contains("trace-1", message, StringComparison.Ordinal);
    }
}
