using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

using LiteAspire.Proxy.Budgets;
using LiteAspire.Proxy.Caching;
using LiteAspire.Proxy.Enforcement;
using LiteAspire.Proxy.Errors;
using LiteAspire.Proxy.Providers;
using LiteAspire.Proxy.Providers.OpenAI;
using LiteAspire.Proxy.Providers.Shared;
using LiteAspire.Proxy.Routing;
using LiteAspire.Proxy.Spend;

namespace LiteAspire.Proxy.Pipeline;

/// <summary>
/// One OpenAI-shaped chat completion through the gateway: validate → admit → route (retries, fallbacks, cooldowns) → adapter
/// → upstream → translate back, with LiteLLM's response headers set. <c>/v1/chat/completions</c> uses it, and so can any
/// translator (e.g. <c>/v1/messages</c>) that turns its own shape into an OpenAI request first.
/// </summary>
public sealed class ChatPipeline(RouterExecutor router, ProviderRegistry registry, UpstreamHttp http, GatewaySettings settings, ICostCalculator cost,
    RequestAdmission admission, CallAccounting accounting, TimeProvider time, ResponseCache cache)
{
    // Client headers providers need passed on as-is.
    private static readonly string[] s_forwardedHeaders = ["anthropic-beta", "anthropic-version"];

    /// <summary>
    /// Runs <paramref name="request"/> (OpenAI chat-completions shape; the pipeline takes ownership and edits it) and sets
    /// the <c>x-litellm-*</c> headers on <paramref name="context"/>'s response, which must not have started. Nothing is
    /// written to the body: the caller writes <see cref="ChatResult.Response"/> or the <see cref="ChatResult.Chunks"/>.
    /// </summary>
    /// <param name="request">The request; <c>model</c> is the public model name.</param>
    /// <param name="context">The client's request (headers, call id, abort).</param>
    /// <param name="cancellationToken">Usually <see cref="HttpContext.RequestAborted"/>: cancels the upstream call.</param>
    /// <exception cref="GatewayException">Bad input (400), unknown model (400), unsupported provider (400), model access (401), budget (400), rate limit or no deployment available (429).</exception>
    /// <exception cref="ProviderException">The upstream failed, timed out (408) or could not be reached (500), after retries and fallbacks.</exception>
    public async Task<ChatResult> ExecuteAsync(JsonObject request, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var model = ChatRequestValidator.ValidateChat(request);
        var includeUsage = JsonRead.IsTrue(request["stream_options"].Prop("include_usage"));
        var route = router.Find(model);
        if (registry.Chat(route.FirstDeployment.Provider) is null)
        {
            throw UnsupportedProvider(route.FirstDeployment, model);
        }

        var tags = RequestTags.Of(context.Request.Headers, request);
        var routing = RouteRequest.From(request, context.Request.Headers, JsonRead.IsTrue(request["stream"]),
            () => TokenCounter.CountMessages(model, request["messages"] as JsonArray, request["tools"]), tags);
        var cacheable = cache.Prepare(request, route.ModelGroup, "acompletion", context);
        var ticket = await admission.AdmitAsync(context, model, EndUserEnforcer.EndUserIdOf(request), tags, cancellationToken).ConfigureAwait(false);
        var started = time.GetUtcNow().UtcDateTime;
        if (await cache.LookupAsync(cacheable, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return await CacheHits.ServeChatAsync(hit, cacheable, accounting, ticket, route, context,
                routing.Stream, includeUsage, started).ConfigureAwait(false);
        }

        var books = new CallBooks(ticket, started, route.FirstDeployment)
        {
            Cacheable = cacheable,
            Messages = MessagesToKeep(request),
            DropParams = RequestPreparation.RequestDropParams(request),
            Forwarded = ForwardedHeaders(context.Request.Headers),
        };
        try
        {
            return await router.ExecuteAsync(context, route, routing,
                (attempt, token) => AttemptAsync(request, attempt, context, includeUsage, books, token), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (books.TakeTicket() is { } unsettled)
            {
                await accounting.CompleteAsync(unsettled, books.Deployment, null, null, CallTiming.CallId(context), books.Started, success: false)
                    .ConfigureAwait(false);
            }
        }
    }

    // One call to one deployment. A failure before the answer (or before a stream's first chunk) is thrown for the router to
    // retry, with the request put back as the client sent it; a success settles the books (a stream's when it ends).
    private async Task<ChatResult> AttemptAsync(JsonObject request, RouteAttempt attempt, HttpContext context, bool includeUsage, CallBooks books,
        CancellationToken cancellationToken)
    {
        var deployment = attempt.Deployment;
        books.Deployment = deployment;
        var adapter = registry.Chat(deployment.Provider) ?? throw UnsupportedProvider(deployment, attempt.ModelGroup);
        var dropParams = RequestPreparation.DropParams(books.DropParams, deployment, settings.DropParams);
        // A fallback the client named with its own messages sends those; the request's come back if this attempt fails.
        var clientMessages = attempt.Messages is not null ? request["messages"] : null;
        if (attempt.Messages is not null)
        {
            request["messages"] = attempt.Messages.DeepClone();
        }

        var edits = RequestPreparation.ForDeployment(request, deployment);
        var call = new ChatCall
        {
            Deployment = deployment,
            DropParams = dropParams,
            Request = request,
            CallId = CallTiming.CallId(context),
            ForwardedHeaders = books.Forwarded,
        };

        var timeout = new UpstreamTimeout(attempt.Timeout, cancellationToken);
        HttpResponseMessage? response = null;
        var answered = false;
        try
        {
            using var upstreamRequest = await adapter.CreateRequestAsync(call, timeout.Token).ConfigureAwait(false);
            var sent = Stopwatch.GetTimestamp();
            response = await http.SendAsync(upstreamRequest, deployment.Provider, timeout).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var errorBody = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                var error = adapter.ReadError((int)response.StatusCode, errorBody, call);
                error.RetryAfter = UpstreamHttp.RetryAfterOf(response);
                throw error;
            }

            if (!call.Stream && adapter is OpenAIChatAdapter)
            {
                // Already the client's shape (the adapter's ReadResponse only checks it is an object): bytes through, one reader pass for usage.
                var passed = await PassThroughAsync(response, deployment.Provider, timeout.Token).ConfigureAwait(false);
                if (passed is { } json)
                {
                    var usage = json.Usage.IsEmpty ? null : JsonNode.Parse(json.Usage.Span) as JsonObject;
                    var passedCost = cost.Calculate(deployment, CallUsage.Of(usage));
                    LiteLLMHeaders.Apply(context, attempt.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, passedCost);
                    answered = true;
                    await accounting.CompleteAsync(books.TakeTicket()!, deployment, usage, passedCost, json.Id is { Length: > 0 } id ? id : call.CallId,
                        books.Started, success: true, books.Messages,
                        accounting.StoresPrompts ? System.Text.Encoding.UTF8.GetString(json.Body.Span) : null).ConfigureAwait(false);
                    cache.Save(books.Cacheable, json.Body, deployment.Id);
                    return new ChatResult
                    {
                        ModelGroup = attempt.ModelGroup, Deployment = deployment, CallId = call.CallId, ResponseJson = json.Body, Usage = usage,
                    };
                }
            }

            if (!call.Stream)
            {
                var body = await ReadJsonAsync(response, deployment.Provider, timeout.Token).ConfigureAwait(false);
                var completion = adapter.ReadResponse(body, call);
                var usage = completion["usage"] as JsonObject;
                var callCost = cost.Calculate(deployment, CallUsage.Of(usage));
                LiteLLMHeaders.Apply(context, attempt.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, callCost);
                answered = true;
                await accounting.CompleteAsync(books.TakeTicket()!, deployment, usage, callCost, RequestId(completion, call), books.Started, success: true,
                    books.Messages, accounting.StoresPrompts ? completion.ToJsonString() : null).ConfigureAwait(false);
                cache.Save(books.Cacheable, completion, deployment.Id);
                return new ChatResult
                {
                    ModelGroup = attempt.ModelGroup, Deployment = deployment, CallId = call.CallId, Response = completion, Usage = usage,
                };
            }

            // The first chunk is awaited here, so a stream that fails before it is retried like any other failure.
            var upstream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var chunks = adapter.ReadStreamAsync(upstream, call, timeout.Token).GetAsyncEnumerator(timeout.Token);
            bool hasFirst;
            try
            {
                hasFirst = await chunks.MoveNextAsync().ConfigureAwait(false);
            }
            catch
            {
                await chunks.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            LiteLLMHeaders.Apply(context, attempt.ModelGroup, deployment, response, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, cost: null);
            var streaming = new ChatResult { ModelGroup = attempt.ModelGroup, Deployment = deployment, CallId = call.CallId };
            streaming.Chunks = StreamAsync(chunks, hasFirst, call, response, timeout, includeUsage, streaming,
                new StreamBooks(books.TakeTicket()!, books.Started, attempt.HoldInFlight()) { Capture = cache.Capture(books.Cacheable, deployment.Id) });
            answered = true;
            response = null;
            timeout = null;
            return streaming;
        }
        catch (Exception e) when (timeout is not null && UpstreamHttp.Classify(e, deployment.Provider, timeout) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            response?.Dispose();
            timeout?.Dispose();
            if (!answered)
            {
                edits.Undo(request);
                if (attempt.Messages is not null)
                {
                    request["messages"] = clientMessages;
                }
            }
        }
    }

    // Only with store_prompts_in_spend_logs: otherwise no prompt text leaves the request.
    private string? MessagesToKeep(JsonObject request) => accounting.StoresPrompts ? request["messages"]?.ToJsonString() : null;

    // LiteLLM's spend-log request id is the provider's response id.
    private static string RequestId(JsonObject completion, ChatCall call) =>
        completion["id"] is JsonValue id && id.TryGetValue<string>(out var text) && text.Length > 0 ? text : call.CallId;

    /// <summary>LiteLLM's message when no adapter serves the provider.</summary>
    public static GatewayException UnsupportedProvider(ResolvedDeployment deployment, string model)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new GatewayException(400,
            $"LLM Provider NOT supported: '{deployment.Provider}' (model={model}). LiteAspire has no adapter for this provider on this route yet.",
            "invalid_request_error", "model");
    }

    /// <summary>Parses an upstream JSON body, mapping garbage to a 500 APIError.</summary>
    public static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, string provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false)
                    ?? throw new ProviderException(LiteLLMErrorKind.APIError, provider, "upstream returned JSON null", 500);
            }
            catch (JsonException)
            {
                throw new ProviderException(LiteLLMErrorKind.APIError, provider, "upstream returned a body that is not JSON", 500);
            }
        }
    }

    // The upstream body read whole and scanned once; null when its strings need re-escaping (the caller parses it instead,
    // from the same bytes). Errors are ReadJsonAsync's and the OpenAI adapter's.
    private static async Task<(ReadOnlyMemory<byte> Body, ReadOnlyMemory<byte> Usage, string? Id)?> PassThroughAsync(HttpResponseMessage response,
        string provider, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        switch (PassThroughJson.Scan(bytes, out var body, out var usage, out var id))
        {
            case PassThroughJson.Verdict.PassThrough:
                return (body, usage, id);
            case PassThroughJson.Verdict.Rewrite:
                // The content is buffered now: ReadJsonAsync parses these bytes.
                return null;
            case PassThroughJson.Verdict.Null:
                throw new ProviderException(LiteLLMErrorKind.APIError, provider, "upstream returned JSON null", 500);
            case PassThroughJson.Verdict.NotObject:
                throw new ProviderException(LiteLLMErrorKind.APIError, provider, "upstream returned a non-object JSON body", 500);
            default:
                throw new ProviderException(LiteLLMErrorKind.APIError, provider, "upstream returned a body that is not JSON", 500);
        }
    }

    // The chunks after the first (already read by the attempt); the upstream timeout is re-armed by every chunk, so it bounds
    // the silence between chunks rather than the whole answer.
    private async IAsyncEnumerable<JsonObject> StreamAsync(IAsyncEnumerator<JsonObject> chunks, bool hasFirst, ChatCall call, HttpResponseMessage response,
        UpstreamTimeout timeout, bool includeUsage, ChatResult usageSink, StreamBooks books)
    {
        using var _ = response;
        using var __ = timeout;
        try
        {
            await using (chunks.ConfigureAwait(false))
            {
                var next = hasFirst;
                while (next)
                {
                    timeout.Rearm();
                    var chunk = chunks.Current;
                    if (books.RequestId is null && chunk["id"] is JsonValue chunkId && chunkId.TryGetValue<string>(out var idText))
                    {
                        books.RequestId = idText;
                        books.First = chunk;
                    }

                    books.Answer.Add(chunk);
                    books.Capture?.Add(chunk);
                    var forward = true;
                    if (chunk.TryGetPropertyValue("usage", out var usage))
                    {
                        if (usage is JsonObject usageObject)
                        {
                            usageSink.Usage = usageObject;
                        }

                        if (!includeUsage)
                        {
                            // OpenAI sends "usage": null on every chunk once include_usage is on; the client did not ask for it.
                            forward = chunk["choices"] is not JsonArray { Count: 0 };
                            chunk.Remove("usage");
                        }
                    }

                    if (forward)
                    {
                        yield return chunk;
                    }

                    try
                    {
                        next = await chunks.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception e) when (UpstreamHttp.Classify(e, call.Deployment.Provider, timeout) is { } mapped)
                    {
                        throw mapped;
                    }
                }

                // The upstream ended without usage: count it, as LiteLLM does, so cost and spend are not 0.
                var counted = usageSink.Usage is null;
                usageSink.Usage ??= books.Answer.CountedUsage(call.Deployment, call.Request);
                books.Finished = true;
                books.Capture?.Complete(usageSink.Usage);
                if (counted && includeUsage)
                {
                    yield return OpenAIShapes.UsageChunk(books.RequestId ?? call.CallId, JsonRead.String(books.First?["model"]) ?? call.Deployment.UpstreamModel,
                        JsonRead.Long(books.First?["created"]) ?? time.GetUtcNow().ToUnixTimeSeconds(), (JsonObject)usageSink.Usage.DeepClone());
                }
            }
        }
        finally
        {
            books.EndInFlight();
            var callCost = books.Finished ? cost.Calculate(call.Deployment, CallUsage.Of(usageSink.Usage)) : (decimal?)null;
            await accounting.CompleteAsync(books.Ticket, call.Deployment, usageSink.Usage, callCost, books.RequestId ?? call.CallId, books.Started,
                books.Finished).ConfigureAwait(false);
        }
    }

    // A stream's books close when the client stops reading: success only when the upstream stream ended.
    private sealed class StreamBooks(AdmissionTicket ticket, DateTime started, Action endInFlight)
    {
        public AdmissionTicket Ticket { get; } = ticket;

        public DateTime Started { get; } = started;

        public Action EndInFlight { get; } = endInFlight;

        public bool Finished { get; set; }

        public string? RequestId { get; set; }

        // The chunk that carried the id: its model and created date the usage chunk a counted usage goes out in.
        public JsonObject? First { get; set; }

        public StreamedAnswer Answer { get; } = new();

        public StreamCapture? Capture { get; init; }
    }

    // One request's books across its attempts: the admission ticket (taken by the attempt that answers, else settled as a
    // failure), and what every attempt needs from the request as the client sent it.
    private sealed class CallBooks(AdmissionTicket ticket, DateTime started, ResolvedDeployment firstCandidate)
    {
        private AdmissionTicket? _ticket = ticket;

        public DateTime Started { get; } = started;

        // The last deployment tried: a failed request's spend log names it.
        public ResolvedDeployment Deployment { get; set; } = firstCandidate;

        public string? Messages { get; init; }

        public required CacheableCall Cacheable { get; init; }

        public bool? DropParams { get; init; }

        public required IReadOnlyDictionary<string, string> Forwarded { get; init; }

        public AdmissionTicket? TakeTicket()
        {
            var taken = _ticket;
            _ticket = null;
            return taken;
        }
    }

    private static IReadOnlyDictionary<string, string> ForwardedHeaders(IHeaderDictionary headers)
    {
        // Most calls carry none of these: no dictionary then.
        Dictionary<string, string>? forwarded = null;
        foreach (var name in s_forwardedHeaders)
        {
            if (headers.TryGetValue(name, out var value) && value.Count > 0)
            {
                (forwarded ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value.ToString();
            }
        }

        return forwarded ?? (IReadOnlyDictionary<string, string>)System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
    }
}
