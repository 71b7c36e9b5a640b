package com.tradingbacktest.app.common.i18n;

import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Speaks the request's language. {@link #message} renders a bundle key with its arguments; {@link
 * #translate} turns an English message the server composed (a compile error, a CSV row's reason, a
 * failure a run stored years ago) into the same message in the request's language, by matching it
 * against the English templates of the default bundle and filling the translated template with what
 * it captured. Text no template matches stays English, so nothing is ever lost.
 *
 * <p>The bundles are {@code i18n/messages.properties} (English, the default) and {@code
 * i18n/messages_ko.properties}; {@code BundleCoverageTests} keeps their keys identical.
 */
@Component
public class Translator {

  /** The languages the server speaks; any other request is answered in English. */
  public static final Set<Locale> SUPPORTED = Set.of(Locale.ENGLISH, Locale.KOREAN);

  /** Key prefixes whose English templates {@link #translate} matches free text against. */
  static final List<String> MATCHED_FAMILIES =
      List.of("problem.", "text.", "title.", "validation.", "diagnostic.", "run.", "marketdata.");

  static final String BUNDLE = "i18n/messages";

  private static final int MAX_DEPTH = 6;
  private static final Pattern MARK = Pattern.compile("\u0000(\\d+)\u0000");

  private final MessageSource messages;
  private final List<Template> templates;

  Translator(MessageSource messages) {
    this.messages = messages;
    this.templates =
        compileTemplates(
            ResourceBundle.getBundle(
                BUNDLE,
                Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /** English or Korean, whichever the request prefers first; English for anything else. */
  public static Locale supported(Locale requested) {
    return requested != null && Locale.KOREAN.getLanguage().equals(requested.getLanguage())
        ? Locale.KOREAN
        : Locale.ENGLISH;
  }

  /** The language of {@code request}: its first {@code Accept-Language} entry we speak. */
  public static Locale locale(HttpServletRequest request) {
    Enumeration<Locale> requested = request.getLocales();
    if (request.getHeader("Accept-Language") != null) {
      for (Locale each : Collections.list(requested)) {
        Locale language = Locale.forLanguageTag(each.getLanguage());
        if (SUPPORTED.contains(language)) {
          return language;
        }
      }
    }
    return Locale.ENGLISH;
  }

  /** The language of the request being served on this thread; English outside a request. */
  public static Locale currentLocale() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      return locale(attrs.getRequest());
    }
    return supported(LocaleContextHolder.getLocale());
  }

  /** The bundle's text for {@code key} in {@code locale}, its arguments translated in turn. */
  public String message(String key, Locale locale, Object... args) {
    Object[] translated = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      translated[i] =
          args[i] instanceof String text ? translate(text, locale, 1) : String.valueOf(args[i]);
    }
    return messages.getMessage(key, translated, supported(locale));
  }

  /** {@code english} in the request's language. */
  public String translate(String english) {
    return translate(english, currentLocale());
  }

  /**
   * {@code english} in {@code locale}: the translation of the most specific English template it
   * matches, with the captured parts translated too (a row's reason inside an import's summary);
   * unchanged when {@code locale} is English or no template matches. Null stays null.
   */
  public String translate(String english, Locale locale) {
    return translate(english, locale, 0);
  }

  private String translate(String english, Locale locale, int depth) {
    if (english == null || english.isEmpty() || supported(locale).equals(Locale.ENGLISH)) {
      return english;
    }
    for (Template template : templates) {
      Matcher matcher = template.pattern().matcher(english);
      if (matcher.matches()) {
        Object[] args = new Object[template.argCount()];
        for (int group = 1; group <= matcher.groupCount(); group++) {
          String captured = matcher.group(group);
          args[template.argIndex().get(group - 1)] =
              depth < MAX_DEPTH ? translate(captured, locale, depth + 1) : captured;
        }
        return messages.getMessage(template.key(), args, supported(locale));
      }
    }
    return english;
  }

  /** The English templates, most literal text first, so the most specific one wins. */
  private static List<Template> compileTemplates(ResourceBundle english) {
    List<Template> compiled = new ArrayList<>();
    for (String key : Collections.list(english.getKeys())) {
      if (MATCHED_FAMILIES.stream().anyMatch(key::startsWith)) {
        Template template = Template.of(key, english.getString(key));
        if (template != null) {
          compiled.add(template);
        }
      }
    }
    compiled.sort(
        Comparator.comparingInt(Template::literalLength).reversed().thenComparing(Template::key));
    return List.copyOf(compiled);
  }

  /**
   * One English template as a pattern: its literal text quoted, each {@code {n}} a lazy group.
   *
   * @param argIndex for each group, in order, the argument it fills
   */
  record Template(
      String key, Pattern pattern, int literalLength, int argCount, List<Integer> argIndex) {

    /** Null for a template that is nothing but arguments, which would match any text. */
    static Template of(String key, String english) {
      MessageFormat format = new MessageFormat(english, Locale.ROOT);
      int argCount = format.getFormatsByArgumentIndex().length;
      Object[] marks = new Object[argCount];
      for (int i = 0; i < argCount; i++) {
        marks[i] = "\u0000" + i + "\u0000";
      }
      String rendered = argCount == 0 ? english : format.format(marks);
      StringBuilder regex = new StringBuilder();
      List<Integer> argIndex = new ArrayList<>();
      int literal = 0;
      int at = 0;
      Matcher mark = MARK.matcher(rendered);
      while (mark.find()) {
        String text = rendered.substring(at, mark.start());
        literal += text.length();
        regex.append(Pattern.quote(text)).append("(.+?)");
        argIndex.add(Integer.parseInt(mark.group(1)));
        at = mark.end();
      }
      String tail = rendered.substring(at);
      literal += tail.length();
      regex.append(Pattern.quote(tail));
      if (literal == 0) {
        return null;
      }
      return new Template(
          key,
          Pattern.compile(regex.toString(), Pattern.DOTALL),
          literal,
          argCount,
          List.copyOf(argIndex));
    }
  }
}
