using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Enforcement;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.OpenAI;
using LiteAspire.Proxy.Providers.Shared;
using LiteAspire.Proxy.Routing;
using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// The OpenAI-shaped routes LiteAspire does not translate (completions, images, audio, moderations, rerank, responses):
/// the body goes to an OpenAI-shaped upstream with the model swapped and credentials added, and the answer comes back byte for
/// byte: streams (SSE, audio) as they arrive, JSON answers read whole first so their cost can go in the headers.
/// </summary>
public sealed class OpenAIPassthrough(ModelRouter router, ProviderRegistry registry, UpstreamHttp http, GatewaySettings settings, ICostCalculator cost,
    RequestAdmission admission, CallAccounting accounting, TimeProvider time)
{
    /// <summary>Forwards a JSON body to <paramref name="operation"/> (e.g. <c>images/generations</c>).</summary>
    /// <param name="context">The client's request; the upstream response is written to it.</param>
    /// <param name="body">The parsed body (edited in place).</param>
    /// <param name="operation">The OpenAI path after the version.</param>
    /// <param name="defaultModel">The model when the body names none (moderations); null makes <c>model</c> required.</param>
    public async Task ForwardJsonAsync(HttpContext context, JsonObject body, string operation, string? defaultModel = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        if (defaultModel is not null && body["model"] is null)
        {
            body["model"] = defaultModel;
        }

        await ForwardRoutedJsonAsync(context, body, operation, router.Pick(ChatRequestValidator.RequireModel(body))).ConfigureAwait(false);
    }

    /// <summary>Forwards a JSON body to an already routed deployment.</summary>
    public async Task ForwardRoutedJsonAsync(HttpContext context, JsonObject body, string operation, RoutedModel routed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(routed);
        var upstream = UpstreamFor(routed, routed.ModelGroup);
        var endUser = EndUserEnforcer.EndUserIdOf(body);
        var tags = RequestTags.Of(context.Request.Headers, body);
        // Speech is billed per character of its input, known before the call.
        var characters = operation == "audio/speech" && JsonRead.String(body["input"]) is { } input ? input.Length : 0;
        RequestPreparation.ForPassthrough(body, routed.Deployment);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await SendAsync(context, routed, upstream, operation, content, endUser, tags, characters).ConfigureAwait(false);
    }

    /// <summary>Forwards a multipart form (audio transcriptions) with its <c>model</c> field swapped.</summary>
    public async Task ForwardMultipartAsync(HttpContext context, string operation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentLength > settings.MaxRequestBytes)
        {
            throw new GatewayException(413, "Request size is too large (general_settings.max_request_size_mb).", "invalid_request_error");
        }

        if (!request.HasFormContentType)
        {
            throw new GatewayException(400, "Expected a multipart/form-data body with 'file' and 'model'.", "invalid_request_error");
        }

        var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var model = form["model"].ToString();
        if (model.Length == 0)
        {
            throw GatewayException.InvalidModel(null);
        }

        var (routed, upstream) = Route(model);
        var content = new MultipartFormDataContent();
        foreach (var (name, values) in form)
        {
            var value = name == "model" ? routed.Deployment.UpstreamModel : values.ToString();
            content.Add(new StringContent(value), name);
        }

        foreach (var file in form.Files)
        {
            var part = new StreamContent(file.OpenReadStream());
            if (MediaTypeHeaderValue.TryParse(file.ContentType, out var type))
            {
                part.Headers.ContentType = type;
            }

            content.Add(part, file.Name, file.FileName);
        }

        await SendAsync(context, routed, upstream, operation, content, endUserId: null, RequestTags.Of(context.Request.Headers), characters: 0).ConfigureAwait(false);
    }

    private (RoutedModel Routed, OpenAIUpstream Upstream) Route(string model)
    {
        var routed = router.Pick(model);
        return (routed, UpstreamFor(routed, model));
    }

    private OpenAIUpstream UpstreamFor(RoutedModel routed, string model) =>
        registry.OpenAIShaped(routed.Deployment.Provider) ?? throw ChatPipeline.UnsupportedProvider(routed.Deployment, model);

    // A JSON answer is read whole and priced from what it reports; a stream (SSE) is copied as it comes and, as LiteLLM's
    // streams, carries no cost header and no spend; audio (speech) is priced from the request's characters.
    private async Task SendAsync(HttpContext context, RoutedModel routed, OpenAIUpstream upstream, string operation, HttpContent content, string? endUserId,
        IReadOnlyList<string> tags, long characters)
    {
        var deployment = routed.Deployment;
        var ticket = await admission.AdmitAsync(context, routed.ModelGroup, endUserId, tags, context.RequestAborted).ConfigureAwait(false);
        var started = time.GetUtcNow().UtcDateTime;
        var success = false;
        JsonObject? usage = null;
        decimal? callCost = null;
        using var timeout = new UpstreamTimeout(deployment.Timeout ?? settings.DefaultTimeout, context.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, upstream.BuildUri(deployment, operation)) { Content = content };
        upstream.Authenticate(request, deployment);
        try
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, deployment.Provider, timeout).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                throw OpenAIErrorReader.Read(deployment.Provider, (int)response.StatusCode, text);
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null or "application/json")
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                var used = PassthroughUsage.Read(bytes, operation, out usage);
                callCost = cost.Calculate(deployment, used with { Characters = characters });
                LiteLLMHeaders.Apply(context, routed.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, callCost);
                context.Response.StatusCode = (int)response.StatusCode;
                context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
                success = true;
                return;
            }

            if (mediaType != "text/event-stream")
            {
                callCost = cost.Calculate(deployment, new CallUsage(default, Characters: characters));
            }

            LiteLLMHeaders.Apply(context, routed.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, callCost);
            timeout.StopDeadline();
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await CopyBodyAsync(response, context.Response, timeout.Token).ConfigureAwait(false);
            success = true;
        }
        catch (Exception e) when (UpstreamHttp.Classify(e, deployment.Provider, timeout) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            await accounting.CompleteAsync(ticket, deployment, usage, callCost, CallTiming.CallId(context), started, success).ConfigureAwait(false);
        }
    }

    // Flushed per read so server-sent events (stream: true) reach the client as they arrive.
    private static async Task CopyBodyAsync(HttpResponseMessage response, HttpResponse target, CancellationToken cancellationToken)
    {
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await target.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    await target.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
