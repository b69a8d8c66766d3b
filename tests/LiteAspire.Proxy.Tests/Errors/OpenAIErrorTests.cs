using System.Net;
using System.Text.Json;

using LiteAspire.Proxy.Errors;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace LiteAspire.Proxy.Tests.Errors;

public class OpenAIErrorTests : IClassFixture<ProxyFactory>
{
    private readonly HttpClient _client;

    public OpenAIErrorTests(ProxyFactory factory)
    {
        _client = factory.CreateClient();
    }

    private static JsonElement ErrorOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        Assert.Equal(["error"], root.EnumerateObject().Select(p => p.Name));
        var error = root.GetProperty("error");
        Assert.Equal(["message", "type", "param", "code"], error.EnumerateObject().Select(p => p.Name));
        return error;
    }

    [Fact]
    public async Task UnknownRoute_Get_Is404InOpenAIShape()
    {
        var response = await _client.GetAsync(new Uri("/v1/no-such-route", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = ErrorOf(await response.Content.ReadAsStringAsync());
        Assert.Equal("Route not found: GET /v1/no-such-route", error.GetProperty("message").GetString());
        Assert.Equal("not_found_error", error.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.Equal("404", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task WrongMethod_OnKnownRoute_Is405InOpenAIShape()
    {
        var response = await _client.PostAsync(new Uri("/health/readiness", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var error = ErrorOf(await response.Content.ReadAsStringAsync());
        Assert.Equal("405", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task WriteExceptionAsync_UnhandledException_Writes500WithoutStackTraceOrExceptionText()
    {
        var context = new DefaultHttpContext { TraceIdentifier = "trace-123" };
        context.Response.Body = new MemoryStream();
        var exception = CaptureThrown(() => throw new InvalidOperationException("Host=db;Password=hunter2"));
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = exception, Path = "/v1/chat/completions" });

        await OpenAIErrorHandling.WriteExceptionAsync(context);

        Assert.Equal(500, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var error = ErrorOf(body);
        Assert.Equal("Internal server error. Trace id: trace-123", error.GetProperty("message").GetString());
        Assert.Equal("internal_server_error", error.GetProperty("type").GetString());
        Assert.Equal("500", error.GetProperty("code").GetString());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "bad_request_error")]
    [InlineData(401, "auth_error")]
    [InlineData(404, "not_found_error")]
    [InlineData(429, "rate_limit_error")]
    [InlineData(500, "internal_server_error")]
    public void Create_Status_UsesLiteLLMTypeAndStringCode(int status, string type)
    {
        var error = OpenAIError.Create(status, "m").Error;

        Assert.Equal(type, error.Type);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Code);
    }

    private static InvalidOperationException CaptureThrown(Action action)
    {
        try
        {
            action();
        }
        catch (InvalidOperationException e)
        {
            return e;
        }

        throw new InvalidOperationException("The action did not throw.");
    }
}
