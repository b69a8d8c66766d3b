using LiteAspire.Data;
using LiteAspire.Data.Database;
using LiteAspire.Proxy.Configuration;
using LiteAspire.Proxy.Replicas;
using LiteAspire.Proxy.Routing;


namespace LiteAspire.Proxy.Management.Models;

/// <summary>
/// Keeps the router's snapshot equal to config.yaml's models plus the models stored in the database: loaded at start,
/// rebuilt and swapped after a change on this replica, and on every other replica through a Redis message
/// (<see cref="ReloadChannel"/>). A periodic check catches a message lost while Redis was away. Building happens off the
/// hot path; requests only read the snapshot reference.
/// </summary>
public sealed class ModelTableSync : IHostedService, IDisposable
{
    /// <summary>The channel telling replicas the stored models changed.</summary>
    public const string ReloadChannel = "litellm:models:reload";

    /// <summary>How often the stored models are checked for changes a lost message did not announce.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly ModelRouter _router;
    private readonly ProxyConfig _config;
    private readonly DeploymentResolver _resolver;
    private readonly IServiceScopeFactory _scopes;
    private readonly LiteLLMSecretBox _secrets;
    private readonly ILogger<ModelTableSync> _logger;
    private readonly IReplicaLink? _replicas;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private string? _loaded;
    private Task _refresh = Task.CompletedTask;

    /// <summary>Creates the sync; <paramref name="replicas"/> is null when the proxy runs without Redis (one replica).</summary>
    public ModelTableSync(ModelRouter router, ProxyConfig config, DeploymentResolver resolver, IServiceScopeFactory scopes, LiteLLMSecretBox secrets,
        ILogger<ModelTableSync> logger, IReplicaLink? replicas = null)
    {
        _router = router;
        _config = config;
        _resolver = resolver;
        _scopes = scopes;
        _secrets = secrets;
        _logger = logger;
        _replicas = replicas;
    }

    /// <summary>The secret box stored models are encrypted with.</summary>
    public LiteLLMSecretBox Secrets => _secrets;

    /// <summary>Loads the stored models and starts listening for changes (nothing to do without a database).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!HasDatabase())
        {
            return;
        }

        Subscribe();
        try
        {
            await ReloadAsync(force: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDatabaseError(e))
        {
            _logger.LogWarning("Could not load the models stored in the database ({Error}); config.yaml's models serve until they load.", e.GetBaseException().Message);
        }

        _refresh = RefreshLoopAsync(_stopping.Token);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>The snapshot config.yaml's models plus <paramref name="stored"/> would give; throws when one cannot be routed.</summary>
    public DeploymentTable Build(IReadOnlyList<ModelDeployment> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var models = new List<ModelDeployment>(_config.ModelList.Count + stored.Count);
        models.AddRange(_config.ModelList);
        models.AddRange(stored);
        return new DeploymentTable(models, _config.RouterSettings, _resolver);
    }

    /// <summary>After a committed change: rebuilds this replica's snapshot now, then tells the others.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(force: true, cancellationToken).ConfigureAwait(false);
        if (_replicas is null)
        {
            return;
        }

        try
        {
            await _replicas.PublishAsync(ReloadChannel, _instance).ConfigureAwait(false);
        }
        catch (ReplicaLinkException e)
        {
            _logger.LogWarning("Could not announce a model change ({Error}); other replicas pick it up within {Interval}.", e.Message, RefreshInterval);
        }
    }

    /// <summary>Reads the stored models and swaps in a new snapshot when they changed (always when <paramref name="force"/>).</summary>
    public async Task ReloadAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetService<LiteLLMDbContext>();
            if (db is null)
            {
                return;
            }

            var (stored, version) = await StoredModels.LoadAsync(db, _secrets, Environment.GetEnvironmentVariable,
                (id, reason) => _logger.LogWarning("Stored model {ModelId} is left out of routing: {Reason}", id, reason), cancellationToken).ConfigureAwait(false);
            if (!force && version == _loaded)
            {
                return;
            }

            _router.Swap(Build(stored));
            _loaded = version;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the periodic check.</summary>
    /// <remarks>
    /// Cancels rather than disposes (neither the token source nor the gate holds anything to free): a host run by app.Run()
    /// under a test factory disposes its services while the factory's own StopAsync may still be calling <see cref="StopAsync"/>.
    /// </remarks>
    public void Dispose() => _stopping.Cancel();

    // Asked of the registration rather than by resolving the DbContext, which would load EF Core on a proxy without a database.
    private bool HasDatabase()
    {
        using var scope = _scopes.CreateScope();
        return scope.ServiceProvider.GetService<DatabaseConnection>() is not null;
    }

    private void Subscribe()
    {
        if (_replicas is null)
        {
            return;
        }

        try
        {
            _replicas.Subscribe(ReloadChannel, message =>
            {
                if (message != _instance)
                {
                    _ = ReloadQuietlyAsync();
                }
            });
        }
        catch (ReplicaLinkException e)
        {
            _logger.LogWarning("Could not subscribe to model changes ({Error}); this replica checks for them every {Interval}.", e.Message, RefreshInterval);
        }
    }

    private async Task RefreshLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RefreshInterval, stopping).ConfigureAwait(false);
                await ReloadQuietlyAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ReloadQuietlyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ReloadAsync(force: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDatabaseError(e) || e is ObjectDisposedException)
        {
            _logger.LogDebug("Stored models not reloaded: {Error}", e.GetBaseException().Message);
        }
    }

    private static bool IsDatabaseError(Exception e) =>
        e is System.Data.Common.DbException or TimeoutException or InvalidOperationException { InnerException: System.Data.Common.DbException }
        || e.GetBaseException() is System.Data.Common.DbException;
}
