using System.Net.Http.Headers;
using System.Threading.Channels;

namespace LiteAspire.Worker.Alerts;

/// <summary>
/// Posts budget alerts off the spend path: each destination has its own bounded queue and loop, so a slow or down webhook
/// delays only its own alerts. A full queue drops the newest alert with a warning; a failed post is retried
/// (<see cref="Attempts"/> tries, doubling waits), then dropped with a warning.
/// </summary>
public sealed class AlertSender : BackgroundService
{
    /// <summary>Alerts waiting per destination before new ones are dropped.</summary>
    public const int QueueCapacity = 1000;

    /// <summary>Tries per alert and destination.</summary>
    public const int Attempts = 3;

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertSender> _logger;
    private readonly TimeSpan _firstRetryDelay;
    private readonly string? _proxyBaseUrl;
    private readonly (AlertDestination Destination, Channel<BudgetAlert> Queue)[] _queues;

    /// <summary>Sends to <paramref name="settings"/>' destinations with <paramref name="http"/> (whose timeout bounds each try).</summary>
    public AlertSender(AlertSettings settings, HttpClient http, TimeProvider time, ILogger<AlertSender> logger,
        TimeSpan? firstRetryDelay = null, string? proxyBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _http = http;
        _time = time;
        _logger = logger;
        _firstRetryDelay = firstRetryDelay ?? TimeSpan.FromSeconds(1);
        _proxyBaseUrl = proxyBaseUrl;
        _queues = [.. settings.Destinations.Select(d => (d, Channel.CreateBounded<BudgetAlert>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true })))];
    }

    /// <summary>Queues <paramref name="alert"/> for every destination; never waits.</summary>
    public void Enqueue(BudgetAlert alert)
    {
        foreach (var (destination, queue) in _queues)
        {
            if (!queue.Writer.TryWrite(alert))
            {
                _logger.LogWarning("Budget alert queue for {Destination} is full; dropped: {Message}.", destination.Describe(), alert.EventMessage);
            }
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(q => SendAllAsync(q.Destination, q.Queue.Reader, stoppingToken)));

    private async Task SendAllAsync(AlertDestination destination, ChannelReader<BudgetAlert> queue, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alert in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await SendAsync(destination, alert, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(AlertDestination destination, BudgetAlert alert, CancellationToken stoppingToken)
    {
        var body = destination.Format == AlertFormat.Slack ? alert.ToSlackJson(_time.GetUtcNow(), _proxyBaseUrl) : alert.ToWebhookJson();
        var delay = _firstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var content = new StringContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _http.PostAsync(destination.Url, content, stoppingToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                failure = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !stoppingToken.IsCancellationRequested))
            {
                failure = e is TaskCanceledException ? "timed out" : e.Message;
            }

            if (attempt == Attempts)
            {
                _logger.LogWarning("Budget alert to {Destination} failed {Attempts} times ({Failure}); dropped: {Message}.",
                    destination.Describe(), Attempts, failure, alert.EventMessage);
                return;
            }

            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            delay *= 2;
        }
    }
}
