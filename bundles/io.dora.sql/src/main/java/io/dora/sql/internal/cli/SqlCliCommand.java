package io.dora.sql.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dora.core.cli.CliCommand;
import io.dora.core.cli.CliExit;
import io.dora.core.cli.CommandContext;
import io.dora.core.connection.Environment;
import io.dora.sql.policy.Decision;
import io.dora.sql.policy.EffectivePolicy;
import io.dora.sql.policy.EnvironmentPolicy;
import io.dora.sql.policy.PolicyDecision;
import io.dora.sql.policy.PolicyEvaluator;
import io.dora.sql.policy.PolicyException;
import io.dora.sql.policy.PolicyLoader;
import io.dora.sql.safety.ClassifiedStatement;
import io.dora.sql.safety.DangerousRule;
import io.dora.sql.safety.SqlClassifier;
import io.dora.sql.script.SqlDialect;

/**
 * {@code dora cli sql check|policy}: the classifier and the policy for CI pipelines. In a pipeline nobody can
 * confirm, so a CONFIRM fails the check just like a BLOCK.
 */
@Component(service = CliCommand.class)
public final class SqlCliCommand implements CliCommand {

    private static final String USAGE = """
            Usage: dora cli sql check --dialect postgres|mysql|mariadb|sqlite [--environment ENV] [--policy FILE]
                                      [--read-only] FILE|-
                     prints one JSON object per statement; exit 1 when any statement is not allowed
                     outright (BLOCK, or CONFIRM: nobody can confirm in a pipeline), 2 on usage errors,
                     3 when the script or the policy cannot be read
                   dora cli sql policy [--environment ENV] [--policy FILE]
                     prints the effective policy, each value with its source
            ENV is development, test, staging or production (default: production).
            Without --policy, the user file ~/.dora/policy.json then the workspace file
            <workspace>/.metadata/dora/policy.json apply; DORA_POLICY_<ENV>_<KEY> variables override both.""";

    private final Map<String, String> variables;
    private final Path home;
    private final ObjectMapper json = new ObjectMapper();

    public SqlCliCommand() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    SqlCliCommand(Map<String, String> variables, Path home) {
        this.variables = Map.copyOf(variables);
        this.home = home;
    }

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String summary() {
        return "Classify SQL scripts against the safety policy (check), print the effective policy (policy)";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(CommandContext context) throws IOException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(context.args());
        } catch (IllegalArgumentException e) {
            context.err().println(e.getMessage());
            return CliExit.USAGE;
        }
        EffectivePolicy policy;
        try {
            policy = loadPolicy(arguments, context.workspace());
        } catch (PolicyException e) {
            context.err().println("policy: " + e.getMessage());
            return CliExit.FAILURE;
        }
        if (arguments.subcommand().equals("policy")) {
            context.out().print(policy.describe(arguments.environmentGiven() ? arguments.environment() : null));
            return CliExit.OK;
        }
        String script;
        try {
            script = read(arguments.file(), context.in());
        } catch (IOException e) {
            context.err().println("cannot read " + arguments.file() + ": " + e.getMessage());
            return CliExit.FAILURE;
        }
        return check(script, arguments, policy.forEnvironment(arguments.environment()), context);
    }

    private int check(String script, Arguments arguments, EnvironmentPolicy policy, CommandContext context)
            throws IOException {
        PolicyEvaluator evaluator = new PolicyEvaluator();
        boolean violated = false;
        for (ClassifiedStatement statement : new SqlClassifier(arguments.dialect()).classifyScript(script)) {
            PolicyDecision decision = evaluator.evaluate(statement.classification(), policy, arguments.readOnly());
            violated |= decision.decision() != Decision.ALLOW;
            context.out().println(json.writeValueAsString(toJson(statement, decision)));
        }
        return violated ? CliExit.NEGATIVE : CliExit.OK;
    }

    private ObjectNode toJson(ClassifiedStatement statement, PolicyDecision decision) {
        ObjectNode node = json.createObjectNode();
        node.put("start", statement.span().start());
        node.put("end", statement.span().end());
        node.put("line", statement.span().line());
        node.put("column", statement.span().column());
        node.put("category", statement.classification().category().name());
        node.put("parsed", statement.classification().parsed());
        ArrayNode rules = node.putArray("rules");
        for (DangerousRule rule : statement.classification().rules()) {
            rules.add(rule.id());
        }
        node.put("decision", decision.decision().name());
        ArrayNode reasons = node.putArray("reasons");
        decision.reasons().forEach(reasons::add);
        node.put("sql", statement.span().text());
        return node;
    }

    private EffectivePolicy loadPolicy(Arguments arguments, Path workspace) {
        List<Path> files = new ArrayList<>();
        if (arguments.policyFile() != null) {
            Path file = Path.of(arguments.policyFile());
            if (!Files.isRegularFile(file)) {
                throw new PolicyException(file + ": no such file");
            }
            files.add(file);
        } else {
            files.add(PolicyLoader.userPolicyFile(home));
            if (workspace != null) {
                files.add(PolicyLoader.workspacePolicyFile(workspace));
            }
        }
        return new PolicyLoader().load(files, variables);
    }

    private static String read(String file, InputStream in) throws IOException {
        return file.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    /** The parsed command line. */
    private record Arguments(String subcommand, SqlDialect dialect, Environment environment,
            boolean environmentGiven, String policyFile, boolean readOnly, String file) {

        static Arguments parse(List<String> args) {
            if (args.isEmpty() || !(args.get(0).equals("check") || args.get(0).equals("policy"))) {
                throw new IllegalArgumentException("expected 'check' or 'policy' (see dora cli help sql)");
            }
            String subcommand = args.get(0);
            SqlDialect dialect = null;
            Environment environment = Environment.PRODUCTION;
            boolean environmentGiven = false;
            String policyFile = null;
            boolean readOnly = false;
            String file = null;
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--dialect" -> dialect = SqlDialect.parse(value(args, ++i, arg));
                    case "--environment" -> {
                        environment = Environment.parse(value(args, ++i, arg));
                        environmentGiven = true;
                    }
                    case "--policy" -> policyFile = value(args, ++i, arg);
                    case "--read-only" -> readOnly = true;
                    default -> {
                        if (arg.startsWith("--") || file != null || subcommand.equals("policy")) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                        }
                        file = arg;
                    }
                }
            }
            if (subcommand.equals("check") && (dialect == null || file == null)) {
                throw new IllegalArgumentException("sql check needs --dialect and a FILE (or - for standard input)");
            }
            return new Arguments(subcommand, dialect, environment, environmentGiven, policyFile, readOnly, file);
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }
    }
}
