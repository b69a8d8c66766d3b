using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Text;

namespace LiteAspire.Admin.Tests.Support;

/// <summary>
/// The proxy as component tests see it: an <see cref="HttpMessageHandler"/> answering each "METHOD /path" with what a
/// test set, and remembering every request (with its body and bearer key) so tests can assert what a page sent.
/// </summary>
internal sealed class FakeProxyApi : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, (int Status, string Body)>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, HttpResponseMessage>> _streams = new(StringComparer.Ordinal);

    /// <summary>Every request, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When true, every call fails as if the proxy were down (connection refused).</summary>
    public bool Down { get; set; }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (query ignored) with <paramref name="json"/>.</summary>
    public FakeProxyApi On(string method, string path, string json, int status = 200) => On(method, path, _ => (status, json));

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (query ignored) with what <paramref name="answer"/> returns.</summary>
    public FakeProxyApi On(string method, string path, Func<RecordedRequest, (int Status, string Body)> answer)
    {
        _routes[$"{method} {path}"] = answer;
        return this;
    }

    /// <summary>The requests to <paramref name="path"/>.</summary>
    public IReadOnlyList<RecordedRequest> To(string path) => Requests.Where(r => r.Path == path).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            request.RequestUri.Query,
            body,
            request.Headers.Authorization?.Parameter);
        Requests.Enqueue(recorded);
        if (Down)
        {
            throw new HttpRequestException("Connection refused (127.0.0.1:4000)");
        }

        if (_streams.TryGetValue($"{recorded.Method} {recorded.Path}", out var stream))
        {
            return stream(recorded);
        }

        if (!_routes.TryGetValue($"{recorded.Method} {recorded.Path}", out var answer))
        {
            return Json(404, """{"error":{"message":"Not Found","type":"not_found_error","param":null,"code":"404"}}""");
        }

        var (status, json) = answer(recorded);
        return Json(status, json);
    }

    /// <summary>
    /// Answers <paramref name="method"/> <paramref name="path"/> with a streamed text body (a <c>text/event-stream</c> unless
    /// told otherwise): each part of <paramref name="parts"/> reaches the page as it is produced, so a test decides when the
    /// next chunk comes (and the page can stop reading in between). Once the page stops reading, later parts are dropped.
    /// </summary>
    public FakeProxyApi OnStream(string method, string path, Func<RecordedRequest, IAsyncEnumerable<string>> parts, int status = 200,
        IReadOnlyDictionary<string, string>? headers = null, string contentType = "text/event-stream")
    {
        _streams[$"{method} {path}"] = request =>
        {
            var pipe = new Pipe();
            _ = WriteAsync(pipe.Writer, parts(request));
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StreamContent(pipe.Reader.AsStream()) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        };
        return this;
    }

    private static async Task WriteAsync(PipeWriter writer, IAsyncEnumerable<string> parts)
    {
        try
        {
            await foreach (var part in parts)
            {
                var written = await writer.WriteAsync(Encoding.UTF8.GetBytes(part));
                if (written.IsCompleted)
                {
                    break;
                }
            }

            await writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e);
        }
    }

    private static HttpResponseMessage Json(int status, string json) => new((HttpStatusCode)status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };
}

/// <summary>A request the fake proxy received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string? Body, string? BearerKey)
{
    /// <summary>The value of query parameter <paramref name="name"/>, or null.</summary>
    public string? QueryValue(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var value) ? value.ToString() : null;
}
