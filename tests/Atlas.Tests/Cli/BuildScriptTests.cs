using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using Atlas.Tests.Support;

namespace Atlas.Tests.Cli;

/// <summary>
/// No pwsh can be installed on the build machines, so build.ps1 is checked with PowerShell's own parser and its
/// clean task is run for real in an in-process PowerShell host (which has only the core cmdlets).
/// </summary>
public sealed class BuildScriptTests
{
    private static string ScriptPath => Path.Combine(Repository.Root, "build.ps1");

    [Fact]
    public void Build_ps1_parses_without_errors()
    {
        var ast = Parser.ParseFile(ScriptPath, out _, out var errors);
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        Assert.NotNull(ast.ParamBlock);
    }

    [Fact]
    public void Build_ps1_validates_its_task_and_stops_on_errors()
    {
        var ast = Parser.ParseFile(ScriptPath, out _, out _);
        var task = ast.ParamBlock!.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var validateSet = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
        var values = validateSet.PositionalArguments.OfType<StringConstantExpressionAst>().Select(s => s.Value).ToList();
        Assert.Equal(["build", "test", "serve", "clean"], values);

        var assignments = ast.FindAll(n => n is AssignmentStatementAst, true).Cast<AssignmentStatementAst>();
        Assert.Contains(assignments, a => a.Left.Extent.Text == "$ErrorActionPreference" && a.Right.Extent.Text == "'Stop'");
        Assert.Contains("exit $LASTEXITCODE", File.ReadAllText(ScriptPath));
    }

    [Fact]
    public void The_clean_task_removes_the_output_when_run_in_a_powershell_host()
    {
        var folder = Path.Combine(Path.GetTempPath(), "atlas-tests", "ps-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(folder, "public", "zh"));
        File.WriteAllText(Path.Combine(folder, "public", "zh", "index.html"), "x");
        File.Copy(ScriptPath, Path.Combine(folder, "build.ps1"));
        try
        {
            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            using var shell = PowerShell.Create(runspace);
            shell.AddCommand(Path.Combine(folder, "build.ps1")).AddParameter("Task", "clean");
            shell.Invoke();
            Assert.False(shell.HadErrors, string.Join("\n", shell.Streams.Error));
            Assert.False(Directory.Exists(Path.Combine(folder, "public")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_task_is_refused_by_the_parameter_validation()
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var shell = PowerShell.Create(runspace);
        shell.AddCommand(ScriptPath).AddParameter("Task", "deploy");
        Assert.ThrowsAny<ParameterBindingException>(() => shell.Invoke());
    }
}
