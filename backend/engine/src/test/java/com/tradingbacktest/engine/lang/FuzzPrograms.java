package com.tradingbacktest.engine.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inputs for the fuzz, property and look-ahead tests: token soup over the language's alphabet,
 * mutations of a source, and random well-formed programs over every built-in (from {@link
 * LanguageCatalogue}).
 */
final class FuzzPrograms {

  private FuzzPrograms() {}

  static final List<String> PRICES =
      List.of("open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4");
  static final List<String> TIMES =
      List.of("year", "month", "dayofmonth", "dayofweek", "hour", "minute");
  static final List<String> KEYWORDS = List.copyOf(LanguageCatalogue.keywords());
  static final List<String> OUTPUTS =
      LanguageCatalogue.outputs().stream().map(LanguageCatalogue.OutputSpec::name).toList();
  static final List<FunctionSpec> FUNCTIONS = LanguageCatalogue.functions();
  static final List<String> FUNCTION_NAMES = FUNCTIONS.stream().map(FunctionSpec::name).toList();

  static final List<String> NUMBERS =
      List.of(
          "0",
          "1",
          "2",
          "3",
          "5",
          "10",
          "14",
          "20",
          "200",
          "10000",
          "10001",
          "0.5",
          ".5",
          "1.",
          "1.e5",
          "1e3",
          "1E-3",
          "1e400",
          "-1e400",
          "1e-400",
          "-0",
          "0.0",
          "-0.0",
          "1_000",
          "1__0",
          "5%",
          "0%",
          "-5%",
          "100%",
          "1e400%",
          "1e308",
          "4.9e-324",
          "9007199254740993",
          "2147483648",
          "-2147483649",
          "123456789012345678901234567890",
          "1e",
          "1e+",
          "1.2.3",
          "1..10",
          "0x10",
          "NaN",
          "-NaN",
          "Infinity",
          "-Infinity",
          "1_",
          "_1",
          "\u0663",
          "\uff11\uff12",
          "2.5",
          "1e10",
          "0.02");

  static final List<String> OPERATORS =
      List.of(
          "+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "=", ":=", "!", "&", "&&", "|",
          "||", "?", ":", ",", ".", "..", "[", "]", "(", ")", "(", ")", "[", "]");

  static final List<String> ODD =
      List.of(
          "\"",
          "'",
          "\"text\"",
          "'x'",
          "\"unclosed",
          "#",
          "# comment",
          "//",
          "// c",
          "/",
          "\t",
          "\r",
          "\r\n",
          "\n",
          "\n\n",
          " ",
          "   ",
          "\u00e9",
          "\ud55c\uae00",
          "\u65e5\u672c",
          "\ud83d\ude00",
          "\ud83d",
          "\ude00",
          "\u0000",
          "\u00a0",
          "\u200b",
          "\u2028",
          "\u202e",
          "\ufeff",
          "$",
          "@",
          "`",
          "~",
          "^",
          "%",
          ";",
          "{",
          "}",
          "\\",
          "\ufb01",
          "\u0130",
          "\u01c5",
          "\u0301",
          "\uffff",
          "\u0085",
          "\u000b",
          "\f",
          "\u03a3",
          "\u03a3\u03a3\u03a3",
          "\u0130\u0130");

  private static final String IDENT_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";

  // ---- token soup

  /** One token of the language's alphabet, or something just outside it. */
  static String token(Random r) {
    int k = r.nextInt(100);
    if (k < 14) {
      return pick(r, FUNCTION_NAMES);
    }
    if (k < 22) {
      return r.nextBoolean() ? pick(r, PRICES) : pick(r, TIMES);
    }
    if (k < 28) {
      return pick(r, OUTPUTS);
    }
    if (k < 38) {
      return pick(r, KEYWORDS);
    }
    if (k < 46) {
      return identifier(r, 1 + r.nextInt(12));
    }
    if (k < 58) {
      return pick(r, NUMBERS);
    }
    if (k < 86) {
      return pick(r, OPERATORS);
    }
    return pick(r, ODD);
  }

  static String identifier(Random r, int length) {
    StringBuilder b = new StringBuilder();
    b.append(
        r.nextInt(8) == 0
            ? "\u00e9\u00df\u4e2d\u0416\u03a3\u0130".charAt(r.nextInt(6))
            : IDENT_CHARS.charAt(r.nextInt(53)));
    while (b.length() < length) {
      b.append(IDENT_CHARS.charAt(r.nextInt(IDENT_CHARS.length())));
    }
    return b.toString();
  }

  /** Random tokens with random separators; now and then a very long line or a long repetition. */
  static String soup(Random r) {
    StringBuilder b = new StringBuilder();
    int roll = r.nextInt(100);
    if (roll < 3) {
      // a very long line: one pattern repeated up to the source limit and a little beyond
      String unit = token(r) + (r.nextBoolean() ? " " : "") + token(r);
      // Letters whose lower case depends on context make a long unknown name quadratic to
      // lower-case (FuzzFoundBugsTests has that case at a size that fails fast): keep such lines
      // short here, so a timed-out input cannot keep a core busy for minutes after the time bound.
      int chars =
          unit.contains("\u03a3") || unit.contains("\u0130") ? 3000 : Limits.MAX_SOURCE_CHARS + 100;
      int times = 1 + r.nextInt(Math.max(1, chars / Math.max(1, unit.length())));
      return (r.nextBoolean() ? "long_entry = " : "") + unit.repeat(times);
    }
    boolean statements =
        roll < 60; // most lines look like statements, to get past the parser's first check
    int lines = 1 + r.nextInt(6);
    for (int line = 0; line < lines; line++) {
      if (statements) {
        b.append(
                r.nextInt(3) == 0
                    ? pick(r, OUTPUTS)
                    : r.nextInt(4) == 0
                        ? "param " + identifier(r, 3)
                        : identifier(r, 1 + r.nextInt(5)))
            .append(r.nextInt(10) == 0 ? " := " : " = ");
      }
      int tokens = 1 + r.nextInt(r.nextInt(10) == 0 ? 200 : 25);
      for (int t = 0; t < tokens; t++) {
        b.append(token(r));
        int sep = r.nextInt(20);
        b.append(sep < 12 ? " " : sep < 18 ? "" : sep < 19 ? "\n" : "\t");
      }
      b.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    return b.toString();
  }

  // ---- mutations

  private static final Pattern TOKENS =
      Pattern.compile(
          "\\s+|#[^\\n]*|[A-Za-z_][A-Za-z0-9_]*|\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?%?|\\.\\.|:=|==|!=|<=|>=|&&|\\|\\||.",
          Pattern.DOTALL);

  static List<String> tokens(String source) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKENS.matcher(source);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * The values a number in a source is replaced with by {@link #mutate}: huge, tiny, negative zero,
   * not numbers.
   */
  static final List<String> EXTREME_NUMBERS =
      List.of(
          "1e400",
          "-1e400",
          "1e308",
          "1e-400",
          "4.9e-324",
          "-0",
          "0",
          "-1",
          "0.5",
          "2147483648",
          "9223372036854775808",
          "1e10",
          "10000",
          "10001",
          "99999999999999999999",
          "NaN",
          "Infinity",
          "1",
          "2",
          "1e400%",
          "-0%",
          "na");

  /** {@code source} after 1 to 4 random mutations. */
  static String mutate(String source, Random r, List<String> others) {
    String s = source;
    int count = 1 + r.nextInt(4);
    for (int i = 0; i < count; i++) {
      s = mutateOnce(s, r, others);
    }
    return s;
  }

  static String mutateOnce(String s, Random r, List<String> others) {
    int n = s.length();
    switch (r.nextInt(18)) {
      case 0 -> {
        // delete a character
        if (n == 0) {
          return s;
        }
        int i = r.nextInt(n);
        return s.substring(0, i) + s.substring(i + 1);
      }
      case 1 -> {
        // insert a character or token
        int i = r.nextInt(n + 1);
        return s.substring(0, i)
            + (r.nextBoolean() ? token(r) : String.valueOf((char) (32 + r.nextInt(95))))
            + s.substring(i);
      }
      case 2 -> {
        // duplicate a range
        if (n == 0) {
          return s;
        }
        int i = r.nextInt(n);
        int j = Math.min(n, i + 1 + r.nextInt(40));
        return s.substring(0, j) + s.substring(i, j) + s.substring(j);
      }
      case 3 -> {
        // swap two characters
        if (n < 2) {
          return s;
        }
        char[] c = s.toCharArray();
        int i = r.nextInt(n);
        int j = r.nextInt(n);
        char t = c[i];
        c[i] = c[j];
        c[j] = t;
        return new String(c);
      }
      case 4 -> {
        // truncate
        return n == 0 ? s : s.substring(0, r.nextInt(n));
      }
      case 5, 6, 7 -> {
        // token edits: delete, duplicate, swap, replace
        List<String> t = tokens(s);
        if (t.isEmpty()) {
          return token(r);
        }
        int i = r.nextInt(t.size());
        int j = r.nextInt(t.size());
        switch (r.nextInt(4)) {
          case 0 -> t.remove(i);
          case 1 -> t.add(i, t.get(i));
          case 2 -> Collections.swap(t, i, j);
          default -> t.set(i, token(r));
        }
        return String.join("", t);
      }
      case 8 -> {
        // a number becomes an extreme one
        List<String> t = tokens(s);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
          if (Character.isDigit(t.get(i).charAt(0))) {
            numbers.add(i);
          }
        }
        if (numbers.isEmpty()) {
          return s;
        }
        t.set(numbers.get(r.nextInt(numbers.size())), pick(r, EXTREME_NUMBERS));
        return String.join("", t);
      }
      case 9 -> {
        // a name becomes a very long one, or another known name
        List<String> t = tokens(s);
        List<Integer> names = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
          if (Character.isLetter(t.get(i).charAt(0)) || t.get(i).charAt(0) == '_') {
            names.add(i);
          }
        }
        if (names.isEmpty()) {
          return s;
        }
        int i = names.get(r.nextInt(names.size()));
        t.set(i, r.nextBoolean() ? identifier(r, 1000 + r.nextInt(20_000)) : token(r));
        return String.join("", t);
      }
      case 10 -> {
        // deep nesting of the right-hand side of a line
        String[] lines = s.split("\n", -1);
        int li = r.nextInt(lines.length);
        int eq = lines[li].indexOf('=');
        if (eq < 0) {
          return s;
        }
        int depth = pick(r, List.of(10, 60, 63, 64, 65, 66, 100, 1000, 10_000));
        String rhs = lines[li].substring(eq + 1);
        String wrapped =
            switch (r.nextInt(6)) {
              case 0 -> "(".repeat(depth) + rhs + ")".repeat(depth);
              case 1 -> "(".repeat(depth) + rhs; // unclosed
              case 2 -> "not ".repeat(depth) + rhs;
              case 3 -> "-".repeat(depth) + rhs;
              case 4 -> "abs(".repeat(depth) + rhs + ")".repeat(depth);
              default -> rhs + "[1]".repeat(depth);
            };
        lines[li] = lines[li].substring(0, eq + 1) + " " + wrapped;
        return String.join("\n", lines);
      }
      case 11 -> {
        // a line of another source
        String other = pick(r, others);
        String[] lines = other.split("\n", -1);
        String line = lines[r.nextInt(lines.length)];
        int i = s.indexOf('\n', r.nextInt(n + 1));
        return i < 0 ? s + "\n" + line : s.substring(0, i + 1) + line + "\n" + s.substring(i + 1);
      }
      case 12 -> {
        // a line repeated many times
        String[] lines = s.split("\n", -1);
        String line = lines[r.nextInt(lines.length)];
        return s + ("\n" + line).repeat(1 + r.nextInt(600));
      }
      case 13 -> {
        // remove or double all newlines
        return r.nextBoolean() ? s.replace("\n", " ") : s.replace("\n", "\n\n");
      }
      case 14 -> {
        // comments and strings
        return r.nextBoolean() ? s.replaceFirst("#", "\"") : s.replace("(", "(\n");
      }
      case 15 -> {
        // a long chain of operators
        String op = pick(r, List.of(" + 1", " * close", " and true", " or false", "[1]", " - -1"));
        int times = pick(r, List.of(10, 100, 500, 1000, 3000));
        int i = s.indexOf('\n', r.nextInt(n + 1));
        return i < 0 ? s + op.repeat(times) : s.substring(0, i) + op.repeat(times) + s.substring(i);
      }
      case 16 -> {
        // odd characters
        return s.replace(pick(r, List.of(" ", "=", "(", ",", "e")), pick(r, ODD));
      }
      default -> {
        // replace a character
        if (n == 0) {
          return s;
        }
        int i = r.nextInt(n);
        return s.substring(0, i) + token(r) + s.substring(i + 1);
      }
    }
  }

  // ---- random well-formed programs

  /** A random program that mostly compiles: params, intermediate values, several outputs. */
  static String program(Random r) {
    return new Gen(r).program();
  }

  /** A random number series expression (its params are declared in the returned prelude). */
  record Expression(String prelude, String text) {}

  static Expression numberExpression(Random r, int depth) {
    Gen g = new Gen(r);
    g.params();
    String e = g.num(depth, false);
    return new Expression(g.out.toString(), e);
  }

  static Expression boolExpression(Random r, int depth) {
    Gen g = new Gen(r);
    g.params();
    String e = g.bool(depth, false);
    return new Expression(g.out.toString(), e);
  }

  /**
   * Builtins that read the bars' high, low, close or volume themselves (they take no series
   * argument).
   */
  static boolean readsBars(FunctionSpec f) {
    return f.params().stream()
        .noneMatch(a -> a.kind().equals("series") || a.kind().equals("bool series"));
  }

  private static final class Gen {
    final Random r;
    final StringBuilder out = new StringBuilder();
    final List<String> intParams = new ArrayList<>();
    final List<String> numParams = new ArrayList<>();
    final List<String> numVars = new ArrayList<>();
    final List<String> openNumVars = new ArrayList<>();
    final List<String> boolVars = new ArrayList<>();
    final List<String[]> multiVars = new ArrayList<>(); // {name, function}
    int names;

    Gen(Random r) {
      this.r = r;
    }

    String program() {
      params();
      int vars = r.nextInt(6);
      for (int i = 0; i < vars; i++) {
        String name = "v" + names++;
        int kind = r.nextInt(10);
        if (kind < 4) {
          boolean atOpen = r.nextInt(3) == 0;
          line(name + " = " + num(3, atOpen));
          (atOpen ? openNumVars : numVars).add(name);
        } else if (kind < 8) {
          line(name + " = " + bool(3, false));
          boolVars.add(name);
        } else {
          FunctionSpec f = pickFields();
          line(name + " = " + call(f, 2, false));
          multiVars.add(new String[] {name, f.name()});
        }
      }
      List<String> outputs = new ArrayList<>();
      if (r.nextInt(100) < 85) {
        outputs.add("long_entry = " + bool(3, false));
      }
      if (r.nextInt(2) == 0) {
        outputs.add("long_exit = " + bool(3, false));
      }
      if (r.nextInt(4) == 0) {
        outputs.add("short_entry = " + bool(3, false));
      }
      if (r.nextInt(5) == 0) {
        outputs.add("short_exit = " + bool(2, false));
      }
      for (String intrabar :
          List.of("long_entry_stop", "long_entry_limit", "short_entry_stop", "short_entry_limit")) {
        if (r.nextInt(8) == 0) {
          // now and then an expression that is not known at the open: the compiler must reject it
          outputs.add(intrabar + " = " + num(3, r.nextInt(7) != 0));
        }
      }
      for (String fraction : List.of("stop_loss", "take_profit", "trailing_stop", "size")) {
        if (r.nextInt(10) == 0) {
          outputs.add(
              fraction
                  + " = "
                  + (r.nextBoolean()
                      ? pick(r, List.of("2%", "5%", "0.1", "0.5", "1", "10"))
                      : num(2, false)));
        }
      }
      if (outputs.stream()
          .noneMatch(o -> o.startsWith("long_entry") || o.startsWith("short_entry"))) {
        outputs.add("long_entry = " + bool(3, false));
      }
      Collections.shuffle(outputs, r);
      outputs.forEach(this::line);
      return out.toString();
    }

    void params() {
      int count = r.nextInt(4);
      for (int i = 0; i < count; i++) {
        int kind = r.nextInt(10);
        if (kind < 5) {
          String name = "p" + names++;
          int lo = pick(r, List.of(1, 1, 2, 2, 3, 5, 0));
          int hi = lo + 1 + r.nextInt(40);
          int def = Math.max(1, lo + r.nextInt(hi - lo + 1));
          line(
              "param "
                  + name
                  + " = "
                  + def
                  + " in "
                  + lo
                  + ".."
                  + hi
                  + (r.nextInt(3) > 0 ? " step 1" : ""));
          intParams.add(name);
          numParams.add(name);
        } else if (kind < 7) {
          String name = "f" + names++;
          line(
              "param "
                  + name
                  + " = "
                  + pick(
                      r,
                      List.of(
                          "0.5 in 0.1..2 step 0.1",
                          "2 in 0.5..3 step 0.5",
                          "1 in 0..5",
                          "0.02 in 0.01..0.1 step 0.01")));
          numParams.add(name);
        } else if (kind < 9) {
          String name = "u" + names++;
          line("param " + name + " = " + (1 + r.nextInt(20)));
          intParams.add(name);
          numParams.add(name);
        } else {
          String name = "t" + names++;
          line(
              "param "
                  + name
                  + " = "
                  + pick(r, List.of("1% in -5%..5% step 1%", "0% in -10%..10% step 0.5%")));
          numParams.add(name);
        }
      }
    }

    void line(String s) {
      out.append(s).append('\n');
    }

    /**
     * A number series; with {@code atOpen}, one that depends only on the current open and earlier
     * bars.
     */
    String num(int depth, boolean atOpen) {
      if (depth <= 0 || r.nextInt(4) == 0) {
        return numLeaf(atOpen);
      }
      switch (r.nextInt(12)) {
        case 0 -> {
          return "-" + paren(num(depth - 1, atOpen));
        }
        case 1, 2 -> {
          return paren(
              num(depth - 1, atOpen)
                  + " "
                  + pick(r, List.of("+", "-", "*", "/"))
                  + " "
                  + num(depth - 1, atOpen));
        }
        case 3 -> {
          return paren(
              bool(depth - 1, atOpen)
                  + " ? "
                  + num(depth - 1, atOpen)
                  + " : "
                  + num(depth - 1, atOpen));
        }
        case 4 -> {
          return paren(num(depth - 1, false)) + "[" + offset(atOpen) + "]";
        }
        case 5, 6, 7 -> {
          FunctionSpec f =
              pick(r, FUNCTIONS.stream().filter(x -> x.result().equals("number")).toList());
          if (atOpen && readsBars(f)) {
            return call(f, depth - 1, false) + "[" + offset(true) + "]";
          }
          return call(f, depth - 1, atOpen);
        }
        case 8 -> {
          if (!multiVars.isEmpty() && r.nextBoolean()) {
            String[] m = pick(r, multiVars);
            FunctionSpec f =
                FUNCTIONS.stream().filter(x -> x.name().equals(m[1])).findFirst().orElseThrow();
            String field = m[0] + "." + pick(r, f.fields());
            return atOpen ? field + "[" + offset(true) + "]" : field;
          }
          FunctionSpec f = pickFields();
          String field = call(f, depth - 1, atOpen && !readsBars(f)) + "." + pick(r, f.fields());
          return atOpen && readsBars(f) ? field + "[" + offset(true) + "]" : field;
        }
        default -> {
          return numLeaf(atOpen);
        }
      }
    }

    String numLeaf(boolean atOpen) {
      int k = r.nextInt(20);
      if (k < 6) {
        return atOpen
            ? (r.nextBoolean() ? "open" : pick(r, PRICES) + "[" + offset(true) + "]")
            : pick(r, PRICES);
      }
      if (k < 8) {
        return pick(r, TIMES);
      }
      if (k < 13) {
        return r.nextInt(12) == 0
            ? pick(r, List.of("na", "1e400", "-0", "0", "1e-400", "5%"))
            : pick(r, List.of("1", "2", "0.5", "10", "100", "30", "70", "1.5", "3"));
      }
      if (k < 15 && !numParams.isEmpty()) {
        return pick(r, numParams);
      }
      List<String> vars = atOpen ? openNumVars : r.nextBoolean() ? numVars : openNumVars;
      if (!vars.isEmpty()) {
        return pick(r, vars);
      }
      return atOpen ? "open" : "close";
    }

    String bool(int depth, boolean atOpen) {
      if (depth <= 0 || r.nextInt(5) == 0) {
        if (!boolVars.isEmpty() && !atOpen && r.nextBoolean()) {
          return pick(r, boolVars);
        }
        return r.nextInt(6) == 0
            ? pick(r, List.of("true", "false"))
            : paren(
                num(0, atOpen)
                    + " "
                    + pick(r, List.of("<", "<=", ">", ">=", "==", "!="))
                    + " "
                    + num(0, atOpen));
      }
      switch (r.nextInt(11)) {
        case 0 -> {
          return "not " + paren(bool(depth - 1, atOpen));
        }
        case 1, 2 -> {
          return paren(
              bool(depth - 1, atOpen)
                  + " "
                  + pick(r, List.of("and", "or"))
                  + " "
                  + bool(depth - 1, atOpen));
        }
        case 3, 4 -> {
          return paren(
              num(depth - 1, atOpen)
                  + " "
                  + pick(r, List.of("<", "<=", ">", ">=", "==", "!="))
                  + " "
                  + num(depth - 1, atOpen));
        }
        case 5, 6 -> {
          FunctionSpec f =
              pick(r, FUNCTIONS.stream().filter(x -> x.result().equals("bool")).toList());
          return call(f, depth - 1, atOpen);
        }
        case 7 -> {
          return paren(
              bool(depth - 1, atOpen)
                  + " ? "
                  + bool(depth - 1, atOpen)
                  + " : "
                  + bool(depth - 1, atOpen));
        }
        case 8 -> {
          return paren(bool(depth - 1, false)) + "[" + offset(atOpen) + "]";
        }
        case 9 -> {
          return paren(
              bool(depth - 1, atOpen)
                  + " "
                  + pick(r, List.of("==", "!="))
                  + " "
                  + bool(depth - 1, atOpen));
        }
        default -> {
          return paren(num(depth - 1, atOpen) + " > " + num(depth - 1, atOpen));
        }
      }
    }

    FunctionSpec pickFields() {
      return pick(r, FUNCTIONS.stream().filter(x -> x.result().equals("fields")).toList());
    }

    String call(FunctionSpec f, int depth, boolean atOpen) {
      List<FunctionSpec.Arg> formal = f.params();
      int given = formal.size();
      // trailing arguments with defaults may be left out
      while (given > 0 && formal.get(given - 1).defaultValue() != null && r.nextInt(3) == 0) {
        given--;
      }
      int named =
          r.nextInt(5) == 0 ? r.nextInt(given + 1) : given; // arguments from here on are named
      List<String> args = new ArrayList<>();
      for (int i = 0; i < given; i++) {
        FunctionSpec.Arg a = formal.get(i);
        String value =
            switch (a.kind()) {
              case "series" -> num(depth, atOpen);
              case "bool series" -> bool(depth, atOpen);
              case "length" -> length(f, i);
              default -> number(f, a);
            };
        args.add(i >= named ? a.name() + " = " + value : value);
      }
      if (named < given && r.nextBoolean()) {
        Collections.shuffle(args.subList(named, given), r);
      }
      return f.name() + "(" + String.join(", ", args) + ")";
    }

    String length(FunctionSpec f, int index) {
      int k = r.nextInt(100);
      if (k < 5) {
        return pick(r, List.of("1", "10000", "0", "2.5", "10001", "1e400", "-3"));
      }
      if (k < 17 && !intParams.isEmpty()) {
        return pick(r, intParams);
      }
      if (f.name().equals("macd")) { // fast < slow, mostly
        return index == 1
            ? pick(r, List.of("3", "5", "8", "12"))
            : index == 2 ? pick(r, List.of("13", "20", "26")) : pick(r, List.of("2", "5", "9"));
      }
      return pick(r, List.of("2", "3", "5", "8", "10", "14", "20", "30"));
    }

    String number(FunctionSpec f, FunctionSpec.Arg a) {
      int k = r.nextInt(100);
      if (k < 6) {
        return pick(r, List.of("0", "-1", "na", "1e400", "-0", "0.5", "1e10"));
      }
      if (k < 14 && !numParams.isEmpty()) {
        return pick(r, numParams);
      }
      return switch (f.name() + "." + a.name()) {
        case "sar.accel" -> pick(r, List.of("0.02", "0.01", "0.05"));
        case "sar.max" -> pick(r, List.of("0.2", "0.1", "0.3"));
        case "bbands.mult" -> pick(r, List.of("1", "2", "2.5", "0"));
        case "valuewhen.occurrence" -> pick(r, List.of("0", "1", "2"));
        default -> pick(r, List.of("0", "1", "2", "0.5", "100"));
      };
    }

    String offset(boolean atOpen) {
      int k = r.nextInt(100);
      if (k < 4) {
        return pick(r, List.of("0", "10000", "10001", "-1", "1.5", "na", "--1"));
      }
      if (k < 16 && !intParams.isEmpty()) {
        return pick(r, intParams);
      }
      return pick(r, atOpen ? List.of("1", "2", "3", "5") : List.of("0", "1", "2", "3", "5", "10"));
    }

    static String paren(String s) {
      return "(" + s + ")";
    }
  }

  static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
