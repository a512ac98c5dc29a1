/**
 * Where uploaded files and job directories live on disk.
 */
package io.caesarrest.storage;
