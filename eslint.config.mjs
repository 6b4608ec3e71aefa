// Lint rules that catch what types alone do not: forgotten promises and non-exhaustive switches; in
// the web app, Vue's rules and no text typed into a template (every string goes through vue-i18n).
import vueI18n from '@intlify/eslint-plugin-vue-i18n';
import vue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.kafka/**', 'bench/**', 'scripts/**', 'test/jest*.js', 'eslint.config.mjs', 'apps/web/src/components.d.ts', 'apps/web/src/test-setup.ts', 'apps/web/src/shared/api/schema.d.ts'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...vue.configs['flat/recommended'].map((config) => ({ ...config, files: ['apps/web/**/*.vue'] })),
  {
    files: ['apps/web/**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    plugins: { '@intlify/vue-i18n': vueI18n },
    settings: { 'vue-i18n': { localeDir: ['apps/web/src/shared/i18n/locales/*.json', 'apps/web/src/desk/locales/*.json'], messageSyntaxVersion: '^11.0.0' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Prettier's layout, not the plugin's: long attribute lists stay on one line when they fit.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/multi-word-component-names': 'off',
      '@intlify/vue-i18n/no-raw-text': ['error', { ignorePattern: '^[-–—:：/·•*()（）×0-9\\s%]+$' }],
      '@intlify/vue-i18n/no-missing-keys': 'error',
      '@intlify/vue-i18n/no-v-html': 'error',
      '@intlify/vue-i18n/no-deprecated-tc': 'error',
    },
  },
);
