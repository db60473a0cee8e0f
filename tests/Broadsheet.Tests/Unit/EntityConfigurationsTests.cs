using Broadsheet.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Unit;

public class EntityConfigurationsTests
{
    [Fact]
    public void The_context_applies_every_entity_configuration_in_the_assembly_in_name_order()
    {
        // What ApplyConfigurationsFromAssembly would find: a configuration added beside its entity without being listed fails here.
        var found = typeof(BroadsheetDb).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(found, BroadsheetDb.EntityConfigurations);
    }
}
