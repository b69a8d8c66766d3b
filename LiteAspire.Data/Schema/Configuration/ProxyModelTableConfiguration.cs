using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LiteAspire.Data.Schema.Configuration;

internal sealed class ProxyModelTableConfiguration(SchemaDialect dialect) : IEntityTypeConfiguration<ProxyModelTable>
{
    private const string Table = "LiteLLM_ProxyModelTable";

    public void Configure(EntityTypeBuilder<ProxyModelTable> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.ModelId).HasName(PrismaNames.PrimaryKey(Table));

        builder.Property(x => x.LitellmParams).IsJson(dialect);
        builder.Property(x => x.ModelInfo).IsJson(dialect);
        builder.Property(x => x.Blocked).Defaults(false);
        builder.Property(x => x.CreatedAt).DefaultsToNow();
        builder.Property(x => x.UpdatedAt).DefaultsToNow();
    }
}
