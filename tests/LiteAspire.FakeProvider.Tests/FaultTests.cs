using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

using LiteAspire.FakeProvider.Tests.Support;

namespace LiteAspire.FakeProvider.Tests;

[Collection(FakeServerGroup.Name)]
public sealed class FaultTests(FakeServerFixture fake)
{
    private const string Chat = """{"model":"m","messages":[{"role":"user","content":"Hello"}]}""";
    private const string StreamChat = """{"model":"m","stream":true,"messages":[{"role":"user","content":"Hello"}]}""";

    [Fact]
    public async Task LatencyHeader_DelaysTheAnswer()
    {
        var watch = Stopwatch.StartNew();
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", Chat, ("x-fake-latency-ms", "300")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"answered after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task TtftHeader_SendsHeadersAtOnceAndFirstContentLater()
    {
        var watch = Stopwatch.StartNew();
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", StreamChat, ("x-fake-ttft-ms", "400")),
            HttpCompletionOption.ResponseHeadersRead);
        var headers = watch.ElapsedMilliseconds;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null && !line.Contains("\"content\":\"This", StringComparison.Ordinal))
        {
        }

        var firstToken = watch.ElapsedMilliseconds;
        Assert.True(firstToken >= 390, $"first token after {firstToken} ms");
        // The headers left before the wait: a wide margin, so a loaded machine does not make this flaky.
        Assert.True(firstToken - headers >= 200, $"headers after {headers} ms, first token after {firstToken} ms");
    }

    [Fact]
    public async Task ChunkDelayHeader_SpacesContentChunks()
    {
        var watch = Stopwatch.StartNew();
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", StreamChat, ("x-fake-chunk-delay-ms", "50")));
        await response.Content.ReadAsStringAsync();

        // "This is a fake response to: Hello" is 7 pieces: 6 gaps of 50 ms.
        Assert.True(watch.ElapsedMilliseconds >= 290, $"stream took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task StatusHeader429_OpenAIShapeWithRetryAfter()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", Chat, ("x-fake-status", "429")));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.AsObject();
        Assert.Equal(["message", "type", "param", "code"], error.Select(p => p.Key));
        Assert.Equal("rate_limit_exceeded", error["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("v1/messages", "529", """{"type":"error","error":{"type":"overloaded_error","message":"Fake overloaded."}}""")]
    [InlineData("v1beta/models/gemini-2.0-flash:generateContent", "429", """{"error":{"code":429,"message":"Fake rate limit reached. Please try again later.","status":"RESOURCE_EXHAUSTED"}}""")]
    [InlineData("model/m/converse", "429", """{"message":"Fake rate limit reached. Please try again later."}""")]
    [InlineData("v2/chat", "500", """{"message":"Fake server error."}""")]
    [InlineData("api/chat", "503", """{"error":"Fake service unavailable."}""")]
    public async Task StatusHeader_EachProvider_UsesItsOwnErrorShape(string path, string status, string expected)
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post(path, "{}",
            ("x-fake-status", status), ("Authorization", "Bearer k"), ("anthropic-version", "2023-06-01")));

        Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), (int)response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatusHeaderOnBedrock_NamesTheErrorTypeHeader()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("model/m/converse", "{}", ("x-fake-status", "429"), ("Authorization", "Bearer k")));

        Assert.Equal("ThrottlingException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task ErrorBodyHeader_ReplacesTheBody()
    {
        const string custom = """{"error":{"message":"This model's maximum context length is 8192 tokens","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}""";

        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", Chat, ("x-fake-status", "400"), ("x-fake-error-body", custom)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(custom, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TimeoutHeader_NeverAnswersUntilTheClientGivesUp()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", Chat, ("x-fake-timeout", "true")), cancel.Token));
        Assert.True(watch.ElapsedMilliseconds >= 450);
    }

    [Fact]
    public async Task BreakStreamHeader_ClosesTheConnectionAfterTwoEvents()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("v1/chat/completions", StreamChat, ("x-fake-break-stream-after", "2")),
            HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var data = new List<string>();

        var error = await Record.ExceptionAsync(async () =>
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Add(line);
                }
            }
        });

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(2, data.Count);
        Assert.DoesNotContain("data: [DONE]", data);
    }

    [Fact]
    public async Task BreakStreamHeader_OnBedrock_StopsAfterWholeFrames()
    {
        using var response = await fake.Client.SendAsync(FakeServerFixture.Post("model/m/converse-stream",
            """{"messages":[{"role":"user","content":[{"text":"Hi"}]}]}""", ("Authorization", "Bearer k"), ("x-fake-break-stream-after", "3")),
            HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        using var buffer = new MemoryStream();

        await Assert.ThrowsAnyAsync<IOException>(() => stream.CopyToAsync(buffer));
        Assert.Equal(3, EventStreamReader.Decode(buffer.ToArray()).Count);
    }
}

public sealed class GlobalKnobTests
{
    private const string Chat = """{"model":"m","messages":[{"role":"user","content":"Hello"}]}""";

    [Fact]
    public async Task ErrorRateOne_FailsEveryRequestWithTheConfiguredStatus()
    {
        await using var server = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 1; o.ErrorStatus = 503; });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(FakeServerFixture.Post("v1/chat/completions", Chat));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
    }

    [Fact]
    public async Task ErrorRateWithSeed_FailsTheSameRequestsOnEveryRun()
    {
        static async Task<string> RunAsync()
        {
            await using var server = await FakeProviderApp.StartAsync(configure: o => { o.ErrorRate = 0.5; o.Seed = 7; });
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            var pattern = "";
            for (var i = 0; i < 20; i++)
            {
                using var response = await client.SendAsync(FakeServerFixture.Post("v1/chat/completions", Chat));
                pattern += response.IsSuccessStatusCode ? "." : "x";
            }

            return pattern;
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains("x", first, StringComparison.Ordinal);
        Assert.Contains(".", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LatencyFromConfiguration_DelaysEveryAnswer()
    {
        await using var server = await FakeProviderApp.StartAsync(configure: o => o.LatencyMs = 200);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var watch = Stopwatch.StartNew();

        using var response = await client.SendAsync(FakeServerFixture.Post("v1/chat/completions", Chat));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.ElapsedMilliseconds >= 190);
    }

    [Fact]
    public async Task Create_EnvironmentStyleArguments_BindOptions()
    {
        await using var app = FakeProviderApp.Create(["--FakeProvider:ErrorStatus=418", "--FakeProvider:TtftMs=12"]);

        var options = app.Services.GetService(typeof(FakeProviderOptions)) as FakeProviderOptions;

        Assert.Equal(418, options!.ErrorStatus);
        Assert.Equal(12, options.TtftMs);
    }

    [Fact]
    public async Task StartAsync_DefaultUrl_ListensOnLoopbackWithARealPort()
    {
        await using var server = await FakeProviderApp.StartAsync();

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal("ok", await client.GetStringAsync("health"));
    }
}
