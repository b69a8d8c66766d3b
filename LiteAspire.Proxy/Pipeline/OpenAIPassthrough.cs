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
public sealed class OpenAIPassthrough(RouterExecutor router, ProviderRegistry registry, UpstreamHttp http, GatewaySettings settings, ICostCalculator cost,
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

        await ForwardRoutedJsonAsync(context, body, operation, router.Find(ChatRequestValidator.RequireModel(body))).ConfigureAwait(false);
    }

    /// <summary>Forwards a JSON body to a deployment of <paramref name="route"/>.</summary>
    public async Task ForwardRoutedJsonAsync(HttpContext context, JsonObject body, string operation, ModelRoute route)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(route);
        CheckProvider(route);
        var endUser = EndUserEnforcer.EndUserIdOf(body);
        var tags = RequestTags.Of(context.Request.Headers, body);
        var routing = RouteRequest.From(body, context.Request.Headers, JsonRead.IsTrue(body["stream"]), tags: tags);
        // Speech is billed per character of its input, known before the call.
        var characters = operation == "audio/speech" && JsonRead.String(body["input"]) is { } input ? input.Length : 0;
        await SendAsync(context, route, routing, operation, deployment =>
        {
            RequestPreparation.ForPassthrough(body, deployment);
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }, endUser, tags, characters).ConfigureAwait(false);
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

        var route = router.Find(model);
        CheckProvider(route);
        // Built again for every attempt: a retry re-reads the uploaded files from the start.
        var tags = RequestTags.Of(context.Request.Headers);
        await SendAsync(context, route, RouteRequest.From(null, context.Request.Headers, stream: false, tags: tags), operation,
            deployment => FormContent(form, deployment), endUserId: null, tags, characters: 0).ConfigureAwait(false);
    }

    private static MultipartFormDataContent FormContent(IFormCollection form, ResolvedDeployment deployment)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, values) in form)
        {
            var value = name == "model" ? deployment.UpstreamModel : values.ToString();
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

        return content;
    }

    private void CheckProvider(ModelRoute route)
    {
        var first = route.FirstDeployment;
        _ = registry.OpenAIShaped(first.Provider) ?? throw ChatPipeline.UnsupportedProvider(first, route.ModelGroup);
    }

    // Admitted once; each attempt sends to one deployment, and only a success writes to the client, so a failure is retried
    // (or falls back) as on the chat route. A JSON answer is read whole and priced from what it reports; a stream (SSE) is
    // copied as it comes and, as LiteLLM's streams, carries no cost header and no spend; audio (speech) is priced from the
    // request's characters.
    private async Task SendAsync(HttpContext context, ModelRoute route, RouteRequest routing, string operation, Func<ResolvedDeployment, HttpContent> contentFor,
        string? endUserId, IReadOnlyList<string> tags, long characters)
    {
        var ticket = await admission.AdmitAsync(context, route.ModelGroup, endUserId, tags, context.RequestAborted).ConfigureAwait(false);
        var started = time.GetUtcNow().UtcDateTime;
        var last = route.FirstDeployment;
        var success = false;
        JsonObject? usage = null;
        decimal? callCost = null;
        try
        {
            await router.ExecuteAsync(context, route, routing, async (attempt, token) =>
            {
                last = attempt.Deployment;
                (usage, callCost) = await AttemptAsync(context, attempt, operation, contentFor, characters, token).ConfigureAwait(false);
                return true;
            }, context.RequestAborted).ConfigureAwait(false);
            success = true;
        }
        finally
        {
            await accounting.CompleteAsync(ticket, last, usage, callCost, CallTiming.CallId(context), started, success).ConfigureAwait(false);
        }
    }

    private async Task<(JsonObject? Usage, decimal? Cost)> AttemptAsync(HttpContext context, RouteAttempt attempt, string operation,
        Func<ResolvedDeployment, HttpContent> contentFor, long characters, CancellationToken cancellationToken)
    {
        var deployment = attempt.Deployment;
        var upstream = registry.OpenAIShaped(deployment.Provider) ?? throw ChatPipeline.UnsupportedProvider(deployment, attempt.ModelGroup);
        using var timeout = new UpstreamTimeout(attempt.Timeout, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, upstream.BuildUri(deployment, operation)) { Content = contentFor(deployment) };
        upstream.Authenticate(request, deployment);
        try
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, deployment.Provider, timeout).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                var error = OpenAIErrorReader.Read(deployment.Provider, (int)response.StatusCode, text);
                error.RetryAfter = UpstreamHttp.RetryAfterOf(response);
                throw error;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is null or "application/json")
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
                var used = PassthroughUsage.Read(bytes, operation, out var usage);
                var jsonCost = cost.Calculate(deployment, used with { Characters = characters });
                LiteLLMHeaders.Apply(context, attempt.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, jsonCost);
                context.Response.StatusCode = (int)response.StatusCode;
                context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
                return (usage, jsonCost);
            }

            decimal? callCost = mediaType != "text/event-stream" ? cost.Calculate(deployment, new CallUsage(default, Characters: characters)) : null;
            LiteLLMHeaders.Apply(context, attempt.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, callCost);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await CopyBodyAsync(response, context.Response, timeout).ConfigureAwait(false);
            return (null, callCost);
        }
        catch (Exception e) when (UpstreamHttp.Classify(e, deployment.Provider, timeout) is { } mapped)
        {
            throw mapped;
        }
    }

    // Flushed per read so server-sent events (stream: true) reach the client as they arrive.
    // The timeout bounds the silence between reads, not the whole body.
    private static async Task CopyBodyAsync(HttpResponseMessage response, HttpResponse target, UpstreamTimeout timeout)
    {
        var cancellationToken = timeout.Token;
        var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    timeout.Rearm();
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
