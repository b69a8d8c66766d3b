using LiteAspire.Data.Schema;
using LiteAspire.Data.Schema.Configuration;

using Microsoft.EntityFrameworkCore;

namespace LiteAspire.Data;

/// <summary>
/// LiteLLM's database: the tables of <c>schema.prisma</c> under their exact names, on PostgreSQL or the embedded SQLite file.
/// Inject this type; <c>AddLiteLLMDatabase</c> registers the engine-specific subclass that owns the migrations.
/// </summary>
public class LiteLLMDbContext : DbContext
{
    /// <summary>Creates the context; the model follows the configured provider (PostgreSQL or SQLite).</summary>
    public LiteLLMDbContext(DbContextOptions<LiteLLMDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the engine-specific subclasses, whose options carry their own type.</summary>
    protected LiteLLMDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<VerificationToken> VerificationTokens => Set<VerificationToken>();

    public DbSet<UserTable> Users => Set<UserTable>();

    public DbSet<TeamTable> Teams => Set<TeamTable>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<OrganizationTable> Organizations => Set<OrganizationTable>();

    public DbSet<OrganizationMembership> OrganizationMemberships => Set<OrganizationMembership>();

    public DbSet<BudgetTable> Budgets => Set<BudgetTable>();

    public DbSet<EndUserTable> EndUsers => Set<EndUserTable>();

    public DbSet<SpendLogs> SpendLogs => Set<SpendLogs>();

    public DbSet<ErrorLogs> ErrorLogs => Set<ErrorLogs>();

    public DbSet<DailyUserSpend> DailyUserSpend => Set<DailyUserSpend>();

    public DbSet<DailyTeamSpend> DailyTeamSpend => Set<DailyTeamSpend>();

    public DbSet<DailyOrganizationSpend> DailyOrganizationSpend => Set<DailyOrganizationSpend>();

    public DbSet<DailyEndUserSpend> DailyEndUserSpend => Set<DailyEndUserSpend>();

    public DbSet<DailyTagSpend> DailyTagSpend => Set<DailyTagSpend>();

    public DbSet<DailyGlobalSpend> DailyGlobalSpend => Set<DailyGlobalSpend>();

    public DbSet<ProxyModelTable> ProxyModels => Set<ProxyModelTable>();

    public DbSet<Config> Config => Set<Config>();

    public DbSet<DeletedVerificationToken> DeletedVerificationTokens => Set<DeletedVerificationToken>();

    public DbSet<DeletedTeamTable> DeletedTeams => Set<DeletedTeamTable>();

    public DbSet<DeprecatedVerificationToken> DeprecatedVerificationTokens => Set<DeprecatedVerificationToken>();

    public DbSet<TagTable> Tags => Set<TagTable>();

    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Conventions.Add(_ => new SnakeCaseColumnConvention());

        // Prisma's DateTime: timestamp(3) without time zone, holding UTC.
        var timestamp = Database.IsNpgsql() ? "timestamp(3) without time zone" : "TEXT";
        configurationBuilder.Properties<DateTime>().HaveColumnType(timestamp).HavePrecision(3).HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveColumnType(timestamp).HavePrecision(3).HaveConversion<UtcDateTimeConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var dialect = Database.IsNpgsql() ? SchemaDialect.PostgreSql : SchemaDialect.Sqlite;

        modelBuilder.ApplyConfiguration(new VerificationTokenConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new UserTableConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new TeamTableConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new TeamMembershipConfiguration());
        modelBuilder.ApplyConfiguration(new OrganizationTableConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new OrganizationMembershipConfiguration());
        modelBuilder.ApplyConfiguration(new BudgetTableConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new EndUserTableConfiguration());
        modelBuilder.ApplyConfiguration(new SpendLogsConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new ErrorLogsConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DailyUserSpendConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DailyTeamSpendConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DailyOrganizationSpendConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DailyEndUserSpendConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DailyTagSpendConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DailyGlobalSpendConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new ProxyModelTableConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new ConfigConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DeletedVerificationTokenConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DeletedTeamTableConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DeprecatedVerificationTokenConfiguration());
        modelBuilder.ApplyConfiguration(new TagTableConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new AuditLogConfiguration(dialect));
    }
}
